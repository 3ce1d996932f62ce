ALTER TABLE "leads" ADD COLUMN "optin_pending_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "optin_confirmed_at" timestamp with time zone;