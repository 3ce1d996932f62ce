ALTER TABLE "email_campaigns" ADD COLUMN "send_time_optimization" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "email_campaigns" ADD COLUMN "send_time_profile" jsonb;--> statement-breakpoint
ALTER TABLE "email_sends" ADD COLUMN "send_time" text;