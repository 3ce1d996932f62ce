CREATE TABLE "automation_event_claims" (
	"automation_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "automation_event_claims_automation_id_event_id_pk" PRIMARY KEY("automation_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "lead_event_outbox" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"cause" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "automation_event_claims" ADD CONSTRAINT "automation_event_claims_automation_id_automations_id_fk" FOREIGN KEY ("automation_id") REFERENCES "public"."automations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_event_claims" ADD CONSTRAINT "automation_event_claims_event_id_lead_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."lead_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_event_claims" ADD CONSTRAINT "automation_event_claims_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_event_outbox" ADD CONSTRAINT "lead_event_outbox_event_id_lead_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."lead_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_event_outbox" ADD CONSTRAINT "lead_event_outbox_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "automation_event_claims_workspace_idx" ON "automation_event_claims" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "lead_event_outbox_created_idx" ON "lead_event_outbox" USING btree ("created_at");