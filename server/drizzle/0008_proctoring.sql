CREATE TYPE "public"."room_scan_state" AS ENUM('none', 'requested', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sitting_end" AS ENUM('terminated', 'left', 'denied');--> statement-breakpoint
CREATE TABLE "answer_saves" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"attempt_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"saved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flag_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"type" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"last_report_at" timestamp with time zone NOT NULL,
	"confidence" integer NOT NULL,
	"client_ids" text[] NOT NULL,
	"open_client_ids" text[] NOT NULL,
	"snapshot_id" uuid,
	"logged_seq" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flag_confidence_range" CHECK ("flag_episodes"."confidence" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "log_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "snapshots_mime" CHECK ("log_snapshots"."mime_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "snapshots_size" CHECK (octet_length("log_snapshots"."bytes") <= 65536)
);
--> statement-breakpoint
CREATE TABLE "proctoring_states" (
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"room_scan" "room_scan_state" DEFAULT 'none' NOT NULL,
	"ended_as" "sitting_end",
	"ended_at" timestamp with time zone,
	"proctor_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proctoring_states_sitting_id_student_id_pk" PRIMARY KEY("sitting_id","student_id"),
	CONSTRAINT "proctoring_end_has_time" CHECK (("proctoring_states"."ended_as" is null) = ("proctoring_states"."ended_at" is null))
);
--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "paused_by_proctor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "answer_saves" ADD CONSTRAINT "answer_saves_attempt_id_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_episodes" ADD CONSTRAINT "flag_episodes_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_episodes" ADD CONSTRAINT "flag_episodes_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flag_episodes" ADD CONSTRAINT "flag_episodes_snapshot_id_log_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."log_snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_snapshots" ADD CONSTRAINT "log_snapshots_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_snapshots" ADD CONSTRAINT "log_snapshots_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proctoring_states" ADD CONSTRAINT "proctoring_states_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proctoring_states" ADD CONSTRAINT "proctoring_states_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proctoring_states" ADD CONSTRAINT "proctoring_states_proctor_id_users_id_fk" FOREIGN KEY ("proctor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_saves_attempt_id_index" ON "answer_saves" USING btree ("attempt_id");--> statement-breakpoint
CREATE UNIQUE INDEX "flag_episodes_one_open" ON "flag_episodes" USING btree ("sitting_id","student_id","type") WHERE "flag_episodes"."logged_seq" is null;--> statement-breakpoint
CREATE INDEX "flag_episodes_unlogged" ON "flag_episodes" USING btree ("last_report_at") WHERE "flag_episodes"."logged_seq" is null;--> statement-breakpoint
CREATE INDEX "log_snapshots_sitting_id_student_id_index" ON "log_snapshots" USING btree ("sitting_id","student_id");--> statement-breakpoint
CREATE INDEX "log_snapshots_created_at_index" ON "log_snapshots" USING btree ("created_at");--> statement-breakpoint
-- Attempts paused before this migration were paused by a proctor (nothing else stopped the clock).
UPDATE "attempts" SET "paused_by_proctor" = true WHERE "paused_at" IS NOT NULL AND "status" IN ('in_progress', 'suspended');--> statement-breakpoint
-- The history of answers starts with what is stored now.
INSERT INTO "answer_saves" ("attempt_id", "question_id", "revision", "saved_at") SELECT "attempt_id", "question_id", "revision", "saved_at" FROM "answers";--> statement-breakpoint
CREATE TRIGGER answer_saves_append_only BEFORE UPDATE OR DELETE ON answer_saves
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
