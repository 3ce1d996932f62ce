CREATE TABLE "product_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"interval" text,
	"amount_cents" integer NOT NULL,
	"currency" char(3) DEFAULT 'EUR' NOT NULL,
	"nickname" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"stripe_price_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_prices_interval_of_kind" CHECK (("product_prices"."kind" = 'one_time' AND "product_prices"."interval" IS NULL) OR ("product_prices"."kind" = 'recurring' AND "product_prices"."interval" IS NOT NULL)),
	CONSTRAINT "product_prices_amount_range" CHECK ("product_prices"."amount_cents" > 0 AND "product_prices"."amount_cents" <= 100000000),
	CONSTRAINT "product_prices_currency_code" CHECK ("product_prices"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"image_file_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"tax_behavior" text DEFAULT 'inclusive' NOT NULL,
	"tax_rate_bps" integer,
	"stripe_tax" boolean DEFAULT false NOT NULL,
	"stripe_product_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_name_length" CHECK (char_length("products"."name") BETWEEN 1 AND 120),
	CONSTRAINT "products_description_length" CHECK ("products"."description" IS NULL OR char_length("products"."description") <= 2000),
	CONSTRAINT "products_tax_rate_range" CHECK ("products"."tax_rate_bps" IS NULL OR "products"."tax_rate_bps" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
-- The unique (workspace_id, id) first: the prices' composite foreign key needs it.
CREATE UNIQUE INDEX "products_workspace_id_uq" ON "products" USING btree ("workspace_id","id");--> statement-breakpoint
ALTER TABLE "product_prices" ADD CONSTRAINT "product_prices_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_prices" ADD CONSTRAINT "product_prices_workspace_id_product_id_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."products"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_image_file_id_files_id_fk" FOREIGN KEY ("image_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_prices_product_idx" ON "product_prices" USING btree ("workspace_id","product_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "product_prices_one_default_uq" ON "product_prices" USING btree ("product_id") WHERE "product_prices"."is_default";--> statement-breakpoint
CREATE INDEX "products_workspace_created_idx" ON "products" USING btree ("workspace_id","created_at","id");