CREATE TABLE "funnel_page_ab_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"page_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"auto_apply" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"winner_variant_id" uuid,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funnel_page_variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"test_id" uuid NOT NULL,
	"page_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"weight" integer NOT NULL,
	"html_content" text DEFAULT '' NOT NULL,
	"css_content" text DEFAULT '' NOT NULL,
	"js_content" text DEFAULT '' NOT NULL,
	"builder_document" jsonb,
	"published_html" text,
	"published_js" text,
	"published_etag" text,
	"published_forms" jsonb,
	"published_at" timestamp with time zone,
	"content_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funnel_page_ab_tests" ADD CONSTRAINT "funnel_page_ab_tests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_page_ab_tests" ADD CONSTRAINT "funnel_page_ab_tests_funnel_id_funnels_id_fk" FOREIGN KEY ("funnel_id") REFERENCES "public"."funnels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_page_ab_tests" ADD CONSTRAINT "funnel_page_ab_tests_page_id_funnel_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."funnel_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_page_variants" ADD CONSTRAINT "funnel_page_variants_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_page_variants" ADD CONSTRAINT "funnel_page_variants_test_id_funnel_page_ab_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."funnel_page_ab_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_page_variants" ADD CONSTRAINT "funnel_page_variants_page_id_funnel_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."funnel_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funnel_page_ab_tests_page_uq" ON "funnel_page_ab_tests" USING btree ("page_id");--> statement-breakpoint
CREATE INDEX "funnel_page_ab_tests_workspace_idx" ON "funnel_page_ab_tests" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "funnel_page_ab_tests_auto_idx" ON "funnel_page_ab_tests" USING btree ("id") WHERE "funnel_page_ab_tests"."status" = 'running' AND "funnel_page_ab_tests"."auto_apply";--> statement-breakpoint
CREATE UNIQUE INDEX "funnel_page_variants_page_position_uq" ON "funnel_page_variants" USING btree ("page_id","position");--> statement-breakpoint
CREATE INDEX "funnel_page_variants_workspace_idx" ON "funnel_page_variants" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "funnel_events_variant_idx" ON "funnel_events" USING btree ("variant_id","occurred_at") WHERE "funnel_events"."variant_id" IS NOT NULL;