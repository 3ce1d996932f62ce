ALTER TABLE "automation_runs" ADD COLUMN "error_params" jsonb;--> statement-breakpoint
ALTER TABLE "automations" ADD COLUMN "webhook_secret_sealed" text;--> statement-breakpoint
ALTER TABLE "lead_event_outbox" ADD COLUMN "rescore" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_events" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "lead_events_dedupe_idx" ON "lead_events" USING btree ("workspace_id","dedupe_key") WHERE "lead_events"."dedupe_key" IS NOT NULL;