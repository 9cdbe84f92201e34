CREATE TABLE "commission_protocols" (
	"sitting_id" uuid PRIMARY KEY NOT NULL,
	"protocol_number" text NOT NULL,
	"protocol_date" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"announced_at" timestamp with time zone,
	CONSTRAINT "commission_protocol_number" CHECK (length(trim("commission_protocols"."protocol_number")) > 0)
);
--> statement-breakpoint
CREATE TABLE "commission_scores" (
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"percent" numeric(5, 2) NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_scores_sitting_id_student_id_member_id_pk" PRIMARY KEY("sitting_id","student_id","member_id"),
	CONSTRAINT "commission_scores_percent_range" CHECK ("commission_scores"."percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "commission_protocols" ADD CONSTRAINT "commission_protocols_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_protocols" ADD CONSTRAINT "commission_protocols_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_scores" ADD CONSTRAINT "commission_scores_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_scores" ADD CONSTRAINT "commission_scores_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_scores" ADD CONSTRAINT "commission_scores_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;