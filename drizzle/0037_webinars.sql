CREATE TABLE "funnel_webinars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"sessions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"schedule_days" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"schedule_times" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"timezone" text,
	"min_delay_minutes" integer DEFAULT 15 NOT NULL,
	"slots_offered" smallint DEFAULT 3 NOT NULL,
	"video_url" text,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"replay_hours" integer DEFAULT 48 NOT NULL,
	"reminder_sequence_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webinar_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"session_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_sends" ADD COLUMN "merge_data" jsonb;--> statement-breakpoint
ALTER TABLE "email_sequence_enrollments" ADD COLUMN "anchor_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_sequence_enrollments" ADD COLUMN "merge_data" jsonb;--> statement-breakpoint
ALTER TABLE "funnel_webinars" ADD CONSTRAINT "funnel_webinars_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_webinars" ADD CONSTRAINT "funnel_webinars_funnel_id_funnels_id_fk" FOREIGN KEY ("funnel_id") REFERENCES "public"."funnels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webinar_registrations" ADD CONSTRAINT "webinar_registrations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webinar_registrations" ADD CONSTRAINT "webinar_registrations_funnel_id_funnels_id_fk" FOREIGN KEY ("funnel_id") REFERENCES "public"."funnels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webinar_registrations" ADD CONSTRAINT "webinar_registrations_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funnel_webinars_funnel_uq" ON "funnel_webinars" USING btree ("funnel_id");--> statement-breakpoint
CREATE INDEX "funnel_webinars_workspace_idx" ON "funnel_webinars" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webinar_registrations_session_lead_uq" ON "webinar_registrations" USING btree ("funnel_id","lead_id","session_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webinar_registrations_token_uq" ON "webinar_registrations" USING btree ("token");--> statement-breakpoint
CREATE INDEX "webinar_registrations_funnel_session_idx" ON "webinar_registrations" USING btree ("funnel_id","session_at","created_at");--> statement-breakpoint
CREATE INDEX "webinar_registrations_lead_idx" ON "webinar_registrations" USING btree ("workspace_id","lead_id");