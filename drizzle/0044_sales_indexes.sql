DROP INDEX "orders_workspace_funnel_idx";--> statement-breakpoint
CREATE INDEX "orders_workspace_funnel_paid_idx" ON "orders" USING btree ("workspace_id","funnel_id","paid_at");--> statement-breakpoint
CREATE INDEX "orders_workspace_paid_idx" ON "orders" USING btree ("workspace_id","paid_at");--> statement-breakpoint
CREATE INDEX "email_conversions_lead_idx" ON "email_conversions" USING btree ("workspace_id","lead_id");