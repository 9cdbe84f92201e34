-- The foundation's ticket_draws held a commitment and salt per draw and was never written to;
-- the commitment now belongs to the sitting's plan (ticket_draw_plans), made before the first draw.
CREATE TABLE "ticket_draw_plans" (
	"sitting_id" uuid PRIMARY KEY NOT NULL,
	"pool_id" uuid NOT NULL,
	"pool_size" integer NOT NULL,
	"ticket_order" jsonb NOT NULL,
	"salt" text NOT NULL,
	"commitment" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revealed_at" timestamp with time zone,
	"revealed_by" uuid,
	CONSTRAINT "ticket_plans_pool_size" CHECK ("ticket_draw_plans"."pool_size" >= 1),
	CONSTRAINT "ticket_plans_has_rounds" CHECK (jsonb_array_length("ticket_draw_plans"."ticket_order") >= 1),
	CONSTRAINT "ticket_plans_salt" CHECK ("ticket_draw_plans"."salt" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "ticket_plans_commitment" CHECK ("ticket_draw_plans"."commitment" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "ticket_plans_revealed_by" CHECK (("ticket_draw_plans"."revealed_at" is null) = ("ticket_draw_plans"."revealed_by" is null))
);
--> statement-breakpoint
ALTER TABLE "ticket_draw_plans" ADD CONSTRAINT "ticket_draw_plans_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_draw_plans" ADD CONSTRAINT "ticket_draw_plans_pool_id_ticket_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."ticket_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_draw_plans" ADD CONSTRAINT "ticket_draw_plans_revealed_by_users_id_fk" FOREIGN KEY ("revealed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_draws" DROP COLUMN "commitment";--> statement-breakpoint
ALTER TABLE "ticket_draws" DROP COLUMN "salt";--> statement-breakpoint
ALTER TABLE "ticket_draws" DROP CONSTRAINT "ticket_draws_sitting_id_sittings_id_fk";
--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD COLUMN "seq" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD COLUMN "round" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD COLUMN "card" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD COLUMN "face_down" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD COLUMN "position" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD COLUMN "ticket_number" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD CONSTRAINT "ticket_draws_sitting_id_ticket_draw_plans_sitting_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."ticket_draw_plans"("sitting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD CONSTRAINT "ticket_draws_one_seq" UNIQUE("sitting_id","seq");--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD CONSTRAINT "ticket_draws_one_position" UNIQUE("sitting_id","round","position");--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD CONSTRAINT "ticket_draws_seq" CHECK ("ticket_draws"."seq" >= 1);--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD CONSTRAINT "ticket_draws_round" CHECK ("ticket_draws"."round" >= 1);--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD CONSTRAINT "ticket_draws_card_on_table" CHECK ("ticket_draws"."card" >= 0 and "ticket_draws"."card" < "ticket_draws"."face_down");--> statement-breakpoint
ALTER TABLE "ticket_draws" ADD CONSTRAINT "ticket_draws_position" CHECK ("ticket_draws"."position" >= 0);--> statement-breakpoint
-- A draw is final: rows are appended, never changed or removed.
CREATE TRIGGER ticket_draws_append_only BEFORE UPDATE OR DELETE ON ticket_draws
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- A committed plan is evidence too: it only ever gains its reveal time and who revealed it, once.
CREATE FUNCTION ticket_draw_plan_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
    OR OLD.revealed_at IS NOT NULL
    OR NEW.sitting_id IS DISTINCT FROM OLD.sitting_id
    OR NEW.pool_id IS DISTINCT FROM OLD.pool_id
    OR NEW.pool_size IS DISTINCT FROM OLD.pool_size
    OR NEW.ticket_order IS DISTINCT FROM OLD.ticket_order
    OR NEW.salt IS DISTINCT FROM OLD.salt
    OR NEW.commitment IS DISTINCT FROM OLD.commitment
    OR NEW.created_at IS DISTINCT FROM OLD.created_at
  THEN
    RAISE EXCEPTION 'ticket_draw_plans is sealed: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ticket_draw_plans_sealed BEFORE UPDATE OR DELETE ON ticket_draw_plans
  FOR EACH ROW EXECUTE FUNCTION ticket_draw_plan_sealed();
