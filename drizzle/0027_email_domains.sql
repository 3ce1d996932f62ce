CREATE TABLE "email_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"dkim_selector" text NOT NULL,
	"dkim_private_key_sealed" text NOT NULL,
	"dkim_public_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"checks" jsonb,
	"checked_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_settings" ADD COLUMN "default_from_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_settings" ADD COLUMN "default_from_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_settings" ADD COLUMN "default_reply_to" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_domains" ADD CONSTRAINT "email_domains_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_domains_workspace_domain_uq" ON "email_domains" USING btree ("workspace_id",lower("domain"));