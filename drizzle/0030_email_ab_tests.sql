ALTER TABLE "email_campaigns" ADD COLUMN "ab_test" jsonb;--> statement-breakpoint
ALTER TABLE "email_campaigns" ADD COLUMN "ab_winner" text;--> statement-breakpoint
ALTER TABLE "email_campaigns" ADD COLUMN "ab_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_campaigns" ADD COLUMN "ab_decision" jsonb;--> statement-breakpoint
ALTER TABLE "email_sends" ADD COLUMN "variant" text;