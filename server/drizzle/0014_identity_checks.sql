CREATE TYPE "public"."identity_decision" AS ENUM('verified', 'retake', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."roster_verdict" AS ENUM('match', 'partial', 'mismatch');--> statement-breakpoint
CREATE TABLE "identity_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"face_storage_key" text NOT NULL,
	"face_sha256" text NOT NULL,
	"document_storage_key" text NOT NULL,
	"document_sha256" text NOT NULL,
	"liveness" jsonb NOT NULL,
	"document" jsonb NOT NULL,
	"face_match" jsonb NOT NULL,
	"roster_verdict" "roster_verdict" NOT NULL,
	"roster_reasons" text[] NOT NULL,
	"face_frame_ms" real NOT NULL,
	"ocr_ms" real NOT NULL,
	"decision" "identity_decision",
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "identity_checks_faceStorageKey_unique" UNIQUE("face_storage_key"),
	CONSTRAINT "identity_checks_documentStorageKey_unique" UNIQUE("document_storage_key"),
	CONSTRAINT "identity_checks_sha256" CHECK ("identity_checks"."face_sha256" ~ '^[0-9a-f]{64}$' and "identity_checks"."document_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "identity_checks_decided" CHECK (("identity_checks"."decision" is null) = ("identity_checks"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_checks_sitting_id_student_id_submitted_at_index" ON "identity_checks" USING btree ("sitting_id","student_id","submitted_at");