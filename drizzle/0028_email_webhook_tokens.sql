CREATE TABLE "email_webhook_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"token" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_webhook_tokens" ADD CONSTRAINT "email_webhook_tokens_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_webhook_tokens_workspace_token_uq" ON "email_webhook_tokens" USING btree ("workspace_id","provider","token");--> statement-breakpoint
CREATE INDEX "email_webhook_tokens_workspace_received_idx" ON "email_webhook_tokens" USING btree ("workspace_id","received_at");