CREATE TYPE "public"."appeal_decision" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
CREATE TABLE "appeal_items" (
	"appeal_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"comment" text NOT NULL,
	"decision" "appeal_decision" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "appeal_items_appeal_id_question_id_pk" PRIMARY KEY("appeal_id","question_id"),
	CONSTRAINT "appeal_items_decided" CHECK ("appeal_items"."decision" = 'pending' or ("appeal_items"."decided_at" is not null and "appeal_items"."decided_by" is not null and length("appeal_items"."reason") > 0))
);
--> statement-breakpoint
ALTER TABLE "appeals" DROP CONSTRAINT "appeals_decided_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "appeals" ALTER COLUMN "attempt_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "appeal_result" jsonb;--> statement-breakpoint
ALTER TABLE "appeal_items" ADD CONSTRAINT "appeal_items_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_items" ADD CONSTRAINT "appeal_items_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_items" ADD CONSTRAINT "appeal_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" DROP COLUMN "question_ids";--> statement-breakpoint
ALTER TABLE "appeals" DROP COLUMN "reason";--> statement-breakpoint
ALTER TABLE "appeals" DROP COLUMN "decided_by";--> statement-breakpoint
ALTER TABLE "appeals" DROP COLUMN "decision_note";--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_attemptId_unique" UNIQUE("attempt_id");