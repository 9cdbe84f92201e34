DROP TABLE "chat_messages" CASCADE;--> statement-breakpoint
DROP TYPE "public"."chat_direction";