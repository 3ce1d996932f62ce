CREATE TABLE "email_conversions" (
	"id" uuid PRIMARY KEY DEFAULT uuid_v7() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"send_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"revenue" numeric(14, 2),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_settings" ADD COLUMN "conversion_window_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "email_conversions" ADD CONSTRAINT "email_conversions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_conversions" ADD CONSTRAINT "email_conversions_send_id_email_sends_id_fk" FOREIGN KEY ("send_id") REFERENCES "public"."email_sends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_conversions" ADD CONSTRAINT "email_conversions_campaign_id_email_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."email_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_conversions" ADD CONSTRAINT "email_conversions_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_conversions_event_uq" ON "email_conversions" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "email_conversions_campaign_idx" ON "email_conversions" USING btree ("campaign_id");