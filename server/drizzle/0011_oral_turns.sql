CREATE TABLE "oral_turns" (
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"called_at" timestamp with time zone NOT NULL,
	"called_by" uuid NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "oral_turns_sitting_id_student_id_pk" PRIMARY KEY("sitting_id","student_id"),
	CONSTRAINT "oral_turns_answer_after_call" CHECK ("oral_turns"."answered_at" is null or "oral_turns"."answered_at" >= "oral_turns"."called_at")
);
--> statement-breakpoint
ALTER TABLE "oral_turns" ADD CONSTRAINT "oral_turns_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oral_turns" ADD CONSTRAINT "oral_turns_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oral_turns" ADD CONSTRAINT "oral_turns_called_by_users_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;