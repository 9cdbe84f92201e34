CREATE TABLE "journal_marks" (
	"student_id" uuid NOT NULL,
	"discipline_id" uuid NOT NULL,
	"current_average" numeric(5, 2),
	"midterm1" numeric(5, 2),
	"midterm2" numeric(5, 2),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_marks_student_id_discipline_id_pk" PRIMARY KEY("student_id","discipline_id"),
	CONSTRAINT "journal_percent_range" CHECK (coalesce("journal_marks"."current_average", 0) between 0 and 100 and coalesce("journal_marks"."midterm1", 0) between 0 and 100 and coalesce("journal_marks"."midterm2", 0) between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "journal_marks" ADD CONSTRAINT "journal_marks_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_marks" ADD CONSTRAINT "journal_marks_discipline_id_disciplines_id_fk" FOREIGN KEY ("discipline_id") REFERENCES "public"."disciplines"("id") ON DELETE no action ON UPDATE no action;