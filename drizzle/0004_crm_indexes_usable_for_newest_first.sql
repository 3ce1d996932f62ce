DROP INDEX "lead_events_lead_idx";--> statement-breakpoint
DROP INDEX "lead_interactions_lead_idx";--> statement-breakpoint
DROP INDEX "leads_workspace_created_idx";--> statement-breakpoint
DROP INDEX "leads_workspace_status_idx";--> statement-breakpoint
CREATE INDEX "lead_events_lead_occurred_idx" ON "lead_events" USING btree ("workspace_id","lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "lead_interactions_lead_occurred_idx" ON "lead_interactions" USING btree ("workspace_id","lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "leads_workspace_created_at_id_idx" ON "leads" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "leads_workspace_status_created_at_idx" ON "leads" USING btree ("workspace_id","status","created_at","id");