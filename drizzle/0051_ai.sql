CREATE TABLE "ai_brand_kits" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"brand_name" text DEFAULT '' NOT NULL,
	"tone" text DEFAULT 'professional' NOT NULL,
	"primary_color" char(7) DEFAULT '#1c5fb8' NOT NULL,
	"secondary_color" char(7) DEFAULT '#f0b429' NOT NULL,
	"logo_file_id" uuid,
	"main_offer" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"words_to_avoid" text[] DEFAULT '{}'::text[] NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_generations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"writer" text NOT NULL,
	"model" text,
	"target_id" uuid,
	"brief" jsonb NOT NULL,
	"output" jsonb NOT NULL,
	"regenerations" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_generations_output_size" CHECK (pg_column_size("ai_generations"."output") < 2000000)
);
--> statement-breakpoint
CREATE TABLE "ai_usage_months" (
	"workspace_id" uuid NOT NULL,
	"month" char(7) NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"input_tokens" bigint DEFAULT 0 NOT NULL,
	"output_tokens" bigint DEFAULT 0 NOT NULL,
	"images" integer DEFAULT 0 NOT NULL,
	"cost_micros" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ai_usage_months_workspace_id_month_pk" PRIMARY KEY("workspace_id","month")
);
--> statement-breakpoint
ALTER TABLE "ai_brand_kits" ADD CONSTRAINT "ai_brand_kits_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_brand_kits" ADD CONSTRAINT "ai_brand_kits_logo_file_id_files_id_fk" FOREIGN KEY ("logo_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_generations" ADD CONSTRAINT "ai_generations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_generations" ADD CONSTRAINT "ai_generations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_usage_months" ADD CONSTRAINT "ai_usage_months_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_generations_target_idx" ON "ai_generations" USING btree ("workspace_id","target_id");--> statement-breakpoint
CREATE INDEX "ai_generations_recent_idx" ON "ai_generations" USING btree ("workspace_id","created_at");