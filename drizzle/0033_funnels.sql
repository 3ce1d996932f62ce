CREATE TABLE "funnel_events" (
	"id" uuid PRIMARY KEY DEFAULT uuid_v7() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"page_id" uuid,
	"variant_id" uuid,
	"kind" text NOT NULL,
	"visitor_id" text NOT NULL,
	"lead_id" uuid,
	"utm_source" text,
	"utm_medium" text,
	"utm_campaign" text,
	"referrer_host" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funnel_firsts" (
	"scope_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"workspace_id" uuid NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funnel_firsts_scope_id_kind_subject_pk" PRIMARY KEY("scope_id","kind","subject")
);
--> statement-breakpoint
CREATE TABLE "funnel_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"name" text NOT NULL,
	"page_type" text NOT NULL,
	"slug" text NOT NULL,
	"position" integer NOT NULL,
	"html_content" text DEFAULT '' NOT NULL,
	"css_content" text DEFAULT '' NOT NULL,
	"js_content" text DEFAULT '' NOT NULL,
	"builder_document" jsonb,
	"next_page_id" uuid,
	"seo_title" text,
	"seo_description" text,
	"seo_image_url" text,
	"is_published" boolean DEFAULT false NOT NULL,
	"published_html" text,
	"published_js" text,
	"published_etag" text,
	"published_forms" jsonb,
	"published_at" timestamp with time zone,
	"content_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"visitors" integer DEFAULT 0 NOT NULL,
	"conversions" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funnels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"funnel_type" text NOT NULL,
	"slug" text NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"is_template" boolean DEFAULT false NOT NULL,
	"double_optin" boolean DEFAULT false NOT NULL,
	"total_visitors" integer DEFAULT 0 NOT NULL,
	"total_leads" integer DEFAULT 0 NOT NULL,
	"total_sales" integer DEFAULT 0 NOT NULL,
	"total_revenue" bigint DEFAULT 0 NOT NULL,
	"template_id" text,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funnel_events" ADD CONSTRAINT "funnel_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_events" ADD CONSTRAINT "funnel_events_funnel_id_funnels_id_fk" FOREIGN KEY ("funnel_id") REFERENCES "public"."funnels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_events" ADD CONSTRAINT "funnel_events_page_id_funnel_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."funnel_pages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_events" ADD CONSTRAINT "funnel_events_workspace_id_lead_id_leads_workspace_id_id_fk" FOREIGN KEY ("workspace_id","lead_id") REFERENCES "public"."leads"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_firsts" ADD CONSTRAINT "funnel_firsts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_pages" ADD CONSTRAINT "funnel_pages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_pages" ADD CONSTRAINT "funnel_pages_funnel_id_funnels_id_fk" FOREIGN KEY ("funnel_id") REFERENCES "public"."funnels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_pages" ADD CONSTRAINT "funnel_pages_next_page_fk" FOREIGN KEY ("next_page_id") REFERENCES "public"."funnel_pages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnels" ADD CONSTRAINT "funnels_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnels" ADD CONSTRAINT "funnels_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funnel_events_funnel_time_idx" ON "funnel_events" USING btree ("funnel_id","occurred_at");--> statement-breakpoint
CREATE INDEX "funnel_events_workspace_idx" ON "funnel_events" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "funnel_events_lead_idx" ON "funnel_events" USING btree ("workspace_id","lead_id") WHERE "funnel_events"."lead_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "funnel_firsts_workspace_idx" ON "funnel_firsts" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funnel_pages_funnel_slug_uq" ON "funnel_pages" USING btree ("funnel_id","slug");--> statement-breakpoint
CREATE INDEX "funnel_pages_workspace_funnel_idx" ON "funnel_pages" USING btree ("workspace_id","funnel_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "funnels_slug_uq" ON "funnels" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "funnels_workspace_created_idx" ON "funnels" USING btree ("workspace_id","created_at","id");