DROP INDEX "email_sends_campaign_lead_uq";--> statement-breakpoint
ALTER TABLE "email_sends" ADD COLUMN "source" text DEFAULT 'campaign' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_sends" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "email_sends_workspace_dedupe_uq" ON "email_sends" USING btree ("workspace_id","dedupe_key") WHERE "email_sends"."dedupe_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "email_sends_campaign_lead_uq" ON "email_sends" USING btree ("campaign_id","lead_id") WHERE "email_sends"."source" = 'campaign';