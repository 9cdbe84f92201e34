ALTER TABLE "grades" ALTER COLUMN "graded_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "paused_ms" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "result" jsonb;--> statement-breakpoint
ALTER TABLE "grades" ADD COLUMN "attempt_id" uuid;--> statement-breakpoint
ALTER TABLE "sittings" ADD COLUMN "blueprint" jsonb;--> statement-breakpoint
ALTER TABLE "grades" ADD CONSTRAINT "grades_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_one_open" ON "attempts" USING btree ("sitting_id","student_id") WHERE "attempts"."status" in ('in_progress', 'suspended');--> statement-breakpoint
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_paused_ms" CHECK ("attempts"."paused_ms" >= 0);--> statement-breakpoint
-- New per-sitting policies get their defaults in rows written before they existed.
UPDATE "sittings" SET "policies" = '{"multipleScoring":"all_or_nothing","countingAttempt":"best"}'::jsonb || "policies";
