DROP INDEX "workspace_domains_hostname_uq";--> statement-breakpoint
ALTER TABLE "funnels" ADD COLUMN "domain_id" uuid;--> statement-breakpoint
ALTER TABLE "workspace_domains" ADD COLUMN "verification_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "workspace_domains" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspace_domains" ADD COLUMN "checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspace_domains" ADD COLUMN "check_error" text;--> statement-breakpoint
ALTER TABLE "funnels" ADD CONSTRAINT "funnels_domain_id_workspace_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."workspace_domains"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funnels_domain_uq" ON "funnels" USING btree ("domain_id") WHERE "funnels"."domain_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_domains_workspace_hostname_uq" ON "workspace_domains" USING btree ("workspace_id","hostname");--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_domains_verified_hostname_uq" ON "workspace_domains" USING btree ("hostname") WHERE "workspace_domains"."verified_at" IS NOT NULL;