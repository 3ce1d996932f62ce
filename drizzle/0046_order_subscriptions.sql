-- Subscriptions sold by funnels (issue 13): an order of a recurring price keeps its subscription (created after the first payment) and its renewals, one row per paid invoice.
CREATE TABLE "order_renewals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"invoice_id" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"period_end" timestamp with time zone,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_renewals_amount" CHECK ("order_renewals"."amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "subscription_status" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "subscription_interval" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "subscription_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "current_period_end" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "subscription_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "subscription_error" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "renewals" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "renewed_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_renewals" ADD CONSTRAINT "order_renewals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_renewals" ADD CONSTRAINT "order_renewals_workspace_id_order_id_orders_workspace_id_id_fk" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."orders"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_renewals_workspace_invoice_uq" ON "order_renewals" USING btree ("workspace_id","invoice_id");--> statement-breakpoint
CREATE INDEX "order_renewals_order_idx" ON "order_renewals" USING btree ("order_id","paid_at");--> statement-breakpoint
CREATE INDEX "order_renewals_workspace_paid_idx" ON "order_renewals" USING btree ("workspace_id","paid_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_workspace_subscription_uq" ON "orders" USING btree ("workspace_id","subscription_id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_subscription_of_interval" CHECK ("orders"."subscription_status" IS NULL OR "orders"."subscription_interval" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_renewals" CHECK ("orders"."renewals" >= 0 AND "orders"."renewed_cents" >= 0);