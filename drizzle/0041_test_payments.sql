CREATE TABLE "test_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"customer_id" text,
	"payment_method_id" text,
	"description" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"client_secret" text,
	"refunded_amount" integer DEFAULT 0 NOT NULL,
	"refund_of" uuid,
	"interval" text,
	"last_error" jsonb,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"canceled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_payments_amount_positive" CHECK ("test_payments"."amount" > 0),
	CONSTRAINT "test_payments_refunded_range" CHECK ("test_payments"."refunded_amount" >= 0 AND "test_payments"."refunded_amount" <= "test_payments"."amount")
);
--> statement-breakpoint
ALTER TABLE "test_payments" ADD CONSTRAINT "test_payments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_payments" ADD CONSTRAINT "test_payments_refund_of_test_payments_id_fk" FOREIGN KEY ("refund_of") REFERENCES "public"."test_payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "test_payments_workspace_idempotency_uq" ON "test_payments" USING btree ("workspace_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "test_payments_workspace_customer_idx" ON "test_payments" USING btree ("workspace_id","customer_id");