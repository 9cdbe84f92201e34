CREATE TABLE "answer_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sitting_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"page_number" integer NOT NULL,
	"sha256" text NOT NULL,
	"original_sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"storage_key" text NOT NULL,
	"thumbnail_key" text NOT NULL,
	"sharpness" real NOT NULL,
	"blurred" boolean NOT NULL,
	"converted" boolean DEFAULT false NOT NULL,
	"status" "sheet_quality" DEFAULT 'pending' NOT NULL,
	"reject_reason" text,
	"reject_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone,
	CONSTRAINT "answer_sheets_storageKey_unique" UNIQUE("storage_key"),
	CONSTRAINT "answer_sheets_thumbnailKey_unique" UNIQUE("thumbnail_key"),
	CONSTRAINT "answer_sheets_page_positive" CHECK ("answer_sheets"."page_number" >= 1),
	CONSTRAINT "answer_sheets_sha256" CHECK ("answer_sheets"."sha256" ~ '^[0-9a-f]{64}$' and "answer_sheets"."original_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "answer_sheets_mime" CHECK ("answer_sheets"."mime_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "answer_sheets_review" CHECK (("answer_sheets"."status" = 'pending') = ("answer_sheets"."reviewed_at" is null) and ("answer_sheets"."status" = 'rejected') = ("answer_sheets"."reject_reason" is not null))
);
--> statement-breakpoint
DROP TABLE "answer_sheet_uploads" CASCADE;--> statement-breakpoint
ALTER TABLE "grades" ADD COLUMN "comment" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "answer_sheets" ADD CONSTRAINT "answer_sheets_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_sheets" ADD CONSTRAINT "answer_sheets_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_sheets" ADD CONSTRAINT "answer_sheets_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "answer_sheets_current_page" ON "answer_sheets" USING btree ("sitting_id","student_id","page_number") WHERE "answer_sheets"."replaced_at" is null;--> statement-breakpoint
CREATE INDEX "answer_sheets_sitting_id_student_id_index" ON "answer_sheets" USING btree ("sitting_id","student_id");