CREATE TYPE "public"."media_source" AS ENUM('webcam', 'microphone', 'screen', 'phone');--> statement-breakpoint
CREATE TYPE "public"."media_source_state" AS ENUM('live', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."media_stop_reason" AS ENUM('closed', 'transport_closed', 'peer_left');--> statement-breakpoint
CREATE TABLE "media_source_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"source" "media_source" NOT NULL,
	"state" "media_source_state" NOT NULL,
	"reason" "media_stop_reason",
	"at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_source_events_sittingId_studentId_at_source_state_unique" UNIQUE("sitting_id","student_id","at","source","state")
);
--> statement-breakpoint
ALTER TABLE "media_source_events" ADD CONSTRAINT "media_source_events_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_source_events" ADD CONSTRAINT "media_source_events_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Evidence of gaps in what proctors saw and what was recorded: appended, never changed.
CREATE TRIGGER media_source_events_append_only BEFORE UPDATE OR DELETE ON media_source_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
