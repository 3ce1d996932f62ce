-- Rows about a lead reference (workspace_id, lead_id): the database refuses one pointing at another workspace's lead.
CREATE UNIQUE INDEX "leads_workspace_id_uq" ON "leads" USING btree ("workspace_id","id");--> statement-breakpoint
ALTER TABLE "lead_events" DROP CONSTRAINT "lead_events_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "lead_interactions" DROP CONSTRAINT "lead_interactions_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "lead_tasks" DROP CONSTRAINT "lead_tasks_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "lead_score_history" DROP CONSTRAINT "lead_score_history_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_interactions" ADD CONSTRAINT "lead_interactions_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_tasks" ADD CONSTRAINT "lead_tasks_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_score_history" ADD CONSTRAINT "lead_score_history_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;
