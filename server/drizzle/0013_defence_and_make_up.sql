CREATE TYPE "public"."absence_reason" AS ENUM('no_internet', 'power_cut', 'illness', 'family', 'other');--> statement-breakpoint
CREATE TYPE "public"."make_up_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."defence_decision" AS ENUM('resume', 'stop');--> statement-breakpoint
CREATE TYPE "public"."defence_outcome" AS ENUM('defended', 'stopped');--> statement-breakpoint
CREATE TABLE "make_up_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"reason" "absence_reason" NOT NULL,
	"explanation" text NOT NULL,
	"evidence_file_name" text NOT NULL,
	"evidence_mime_type" text NOT NULL,
	"evidence_byte_size" bigint NOT NULL,
	"evidence_sha256" text NOT NULL,
	"evidence_storage_key" text NOT NULL,
	"status" "make_up_status" DEFAULT 'pending' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_note" text,
	"make_up_sitting_id" uuid,
	CONSTRAINT "make_up_applications_evidenceStorageKey_unique" UNIQUE("evidence_storage_key"),
	CONSTRAINT "make_up_sha256" CHECK ("make_up_applications"."evidence_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "make_up_decided" CHECK (("make_up_applications"."status" = 'pending') = ("make_up_applications"."decided_at" is null) and ("make_up_applications"."status" = 'approved') = ("make_up_applications"."make_up_sitting_id" is not null)),
	CONSTRAINT "make_up_rejection_has_note" CHECK ("make_up_applications"."status" <> 'rejected' or "make_up_applications"."decision_note" is not null)
);
--> statement-breakpoint
CREATE TABLE "defence_interruptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"interrupted_at" timestamp with time zone NOT NULL,
	"interrupted_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"decided_at" timestamp with time zone,
	"decision" "defence_decision",
	"decided_by" uuid,
	CONSTRAINT "defence_interruptions_decided" CHECK (("defence_interruptions"."decided_at" is null) = ("defence_interruptions"."decision" is null))
);
--> statement-breakpoint
CREATE TABLE "defence_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	"asked_by" uuid NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "defence_turns" (
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid NOT NULL,
	"talk_ended_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"outcome" "defence_outcome",
	"finished_by" uuid,
	CONSTRAINT "defence_turns_sitting_id_student_id_pk" PRIMARY KEY("sitting_id","student_id"),
	CONSTRAINT "defence_turns_finished_has_outcome" CHECK (("defence_turns"."finished_at" is null) = ("defence_turns"."outcome" is null)),
	CONSTRAINT "defence_turns_talk_after_start" CHECK ("defence_turns"."talk_ended_at" is null or "defence_turns"."talk_ended_at" >= "defence_turns"."started_at"),
	CONSTRAINT "defence_turns_finish_after_start" CHECK ("defence_turns"."finished_at" is null or "defence_turns"."finished_at" >= "defence_turns"."started_at")
);
--> statement-breakpoint
ALTER TABLE "sittings" ADD COLUMN "make_up_for_student_id" uuid;--> statement-breakpoint
ALTER TABLE "sittings" ADD COLUMN "make_up_of_sitting_id" uuid;--> statement-breakpoint
ALTER TABLE "make_up_applications" ADD CONSTRAINT "make_up_applications_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "make_up_applications" ADD CONSTRAINT "make_up_applications_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "make_up_applications" ADD CONSTRAINT "make_up_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "make_up_applications" ADD CONSTRAINT "make_up_applications_make_up_sitting_id_sittings_id_fk" FOREIGN KEY ("make_up_sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_interruptions" ADD CONSTRAINT "defence_interruptions_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_interruptions" ADD CONSTRAINT "defence_interruptions_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_interruptions" ADD CONSTRAINT "defence_interruptions_interrupted_by_users_id_fk" FOREIGN KEY ("interrupted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_interruptions" ADD CONSTRAINT "defence_interruptions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_questions" ADD CONSTRAINT "defence_questions_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_questions" ADD CONSTRAINT "defence_questions_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_questions" ADD CONSTRAINT "defence_questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_turns" ADD CONSTRAINT "defence_turns_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_turns" ADD CONSTRAINT "defence_turns_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_turns" ADD CONSTRAINT "defence_turns_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_turns" ADD CONSTRAINT "defence_turns_finished_by_users_id_fk" FOREIGN KEY ("finished_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "make_up_one_open" ON "make_up_applications" USING btree ("sitting_id","student_id") WHERE "make_up_applications"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "make_up_applications_status_submitted_at_index" ON "make_up_applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "defence_interruptions_sitting_id_student_id_index" ON "defence_interruptions" USING btree ("sitting_id","student_id");--> statement-breakpoint
CREATE INDEX "defence_questions_sitting_id_student_id_seq_index" ON "defence_questions" USING btree ("sitting_id","student_id","seq");--> statement-breakpoint
ALTER TABLE "sittings" ADD CONSTRAINT "sittings_make_up_for_student_id_users_id_fk" FOREIGN KEY ("make_up_for_student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sittings" ADD CONSTRAINT "sittings_make_up_of_sitting_id_sittings_id_fk" FOREIGN KEY ("make_up_of_sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sittings" ADD CONSTRAINT "sittings_make_up_names_both" CHECK (("sittings"."make_up_for_student_id" is null) = ("sittings"."make_up_of_sitting_id" is null));