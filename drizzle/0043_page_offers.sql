CREATE TABLE "page_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"page_id" uuid NOT NULL,
	"price_id" uuid NOT NULL,
	"bump_price_id" uuid,
	"bump_title" text,
	"bump_pitch" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "page_offers" ADD CONSTRAINT "page_offers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_offers" ADD CONSTRAINT "page_offers_page_id_funnel_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."funnel_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_offers" ADD CONSTRAINT "page_offers_price_id_product_prices_id_fk" FOREIGN KEY ("price_id") REFERENCES "public"."product_prices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_offers" ADD CONSTRAINT "page_offers_bump_price_id_product_prices_id_fk" FOREIGN KEY ("bump_price_id") REFERENCES "public"."product_prices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "page_offers_page_uq" ON "page_offers" USING btree ("page_id");--> statement-breakpoint
CREATE INDEX "page_offers_workspace_idx" ON "page_offers" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "page_offers_price_idx" ON "page_offers" USING btree ("price_id");