-- A run points at a lead of its own workspace; deleting the lead empties lead_id only (PostgreSQL 15+ column list).
ALTER TABLE "automation_runs" DROP CONSTRAINT "automation_runs_lead_id_leads_id_fk";
--> statement-breakpoint
ALTER TABLE "automation_runs" ADD CONSTRAINT "automation_runs_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE SET NULL ("lead_id") ON UPDATE no action;
