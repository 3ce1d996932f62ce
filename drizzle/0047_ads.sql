-- Unique indexes come before the foreign keys that reference them (workspace_id, id).
CREATE TABLE "ad_campaign_days" (
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"date" date NOT NULL,
	"impressions" bigint DEFAULT 0 NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL,
	"spend" numeric(14, 2) DEFAULT 0 NOT NULL,
	"conversions" numeric(14, 2) DEFAULT 0 NOT NULL,
	"conversion_value" numeric(14, 2) DEFAULT 0 NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_campaign_days_campaign_id_date_pk" PRIMARY KEY("campaign_id","date"),
	CONSTRAINT "ad_campaign_days_non_negative" CHECK ("ad_campaign_days"."impressions" >= 0 AND "ad_campaign_days"."clicks" >= 0 AND "ad_campaign_days"."spend" >= 0 AND "ad_campaign_days"."conversions" >= 0 AND "ad_campaign_days"."conversion_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ad_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"platform" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"ad_copy" text,
	"headline" text,
	"image_url" text,
	"video_url" text,
	"target_audience" jsonb NOT NULL,
	"daily_budget" numeric(14, 2),
	"total_budget" numeric(14, 2),
	"currency" char(3) DEFAULT 'EUR' NOT NULL,
	"start_date" date,
	"end_date" date,
	"platform_campaign_id" text,
	"utm_campaign" text,
	"utm_source" text,
	"connection_id" uuid,
	"cpa_alert_rise" real DEFAULT 0.3 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_campaigns_name_length" CHECK (char_length("ad_campaigns"."name") BETWEEN 1 AND 200),
	CONSTRAINT "ad_campaigns_budgets" CHECK (("ad_campaigns"."daily_budget" IS NULL OR "ad_campaigns"."daily_budget" >= 0) AND ("ad_campaigns"."total_budget" IS NULL OR "ad_campaigns"."total_budget" >= 0)),
	CONSTRAINT "ad_campaigns_dates" CHECK ("ad_campaigns"."start_date" IS NULL OR "ad_campaigns"."end_date" IS NULL OR "ad_campaigns"."end_date" >= "ad_campaigns"."start_date"),
	CONSTRAINT "ad_campaigns_currency_code" CHECK ("ad_campaigns"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "ad_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"network" text NOT NULL,
	"account_id" text NOT NULL,
	"account_name" text,
	"sealed_tokens" text NOT NULL,
	"token_expires_at" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"last_sync_at" timestamp with time zone,
	"last_error" text,
	"rate_limited_until" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ad_conversion_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"network" text NOT NULL,
	"kind" text NOT NULL,
	"lead_id" uuid,
	"order_id" uuid,
	"source_key" text NOT NULL,
	"value" numeric(14, 2),
	"currency" char(3),
	"status" text NOT NULL,
	"detail" text,
	"payload" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ad_report_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"network" text NOT NULL,
	"language" text NOT NULL,
	"rows" integer NOT NULL,
	"days_written" integer NOT NULL,
	"campaigns_matched" integer NOT NULL,
	"campaigns_created" integer NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ad_campaigns_workspace_id_uq" ON "ad_campaigns" USING btree ("workspace_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "ad_campaigns_platform_id_uq" ON "ad_campaigns" USING btree ("workspace_id","platform","platform_campaign_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "ad_connections_workspace_id_uq" ON "ad_connections" USING btree ("workspace_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "ad_connections_account_uq" ON "ad_connections" USING btree ("workspace_id","network","account_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "ad_conversion_uploads_once_uq" ON "ad_conversion_uploads" USING btree ("workspace_id","campaign_id","kind","source_key");
--> statement-breakpoint
ALTER TABLE "ad_campaign_days" ADD CONSTRAINT "ad_campaign_days_workspace_id_campaign_id_ad_campaigns_workspace_id_id_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."ad_campaigns"("workspace_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "ad_campaigns" ADD CONSTRAINT "ad_campaigns_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "ad_campaigns" ADD CONSTRAINT "ad_campaigns_workspace_id_connection_id_ad_connections_workspace_id_id_fk" FOREIGN KEY ("workspace_id","connection_id") REFERENCES "public"."ad_connections"("workspace_id","id") ON DELETE SET NULL ("connection_id") ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "ad_connections" ADD CONSTRAINT "ad_connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "ad_connections" ADD CONSTRAINT "ad_connections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "ad_conversion_uploads" ADD CONSTRAINT "ad_conversion_uploads_workspace_id_campaign_id_ad_campaigns_workspace_id_id_fk" FOREIGN KEY ("workspace_id","campaign_id") REFERENCES "public"."ad_campaigns"("workspace_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "ad_report_imports" ADD CONSTRAINT "ad_report_imports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "ad_report_imports" ADD CONSTRAINT "ad_report_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "ad_campaign_days_workspace_date_idx" ON "ad_campaign_days" USING btree ("workspace_id","date");
--> statement-breakpoint
CREATE INDEX "ad_campaigns_workspace_created_idx" ON "ad_campaigns" USING btree ("workspace_id","created_at","id");
--> statement-breakpoint
CREATE INDEX "ad_campaigns_utm_idx" ON "ad_campaigns" USING btree ("workspace_id","utm_campaign");
--> statement-breakpoint
CREATE INDEX "ad_conversion_uploads_workspace_created_idx" ON "ad_conversion_uploads" USING btree ("workspace_id","created_at");
--> statement-breakpoint
CREATE INDEX "ad_report_imports_workspace_created_idx" ON "ad_report_imports" USING btree ("workspace_id","created_at");