DROP INDEX "leads_search_name_trgm_idx";--> statement-breakpoint
DROP INDEX "leads_search_email_trgm_idx";--> statement-breakpoint
DROP INDEX "leads_search_company_trgm_idx";--> statement-breakpoint
CREATE INDEX "leads_search_trgm_idx" ON "leads" USING gin ((coalesce("first_name", '') || ' ' || coalesce("last_name", '') || ' ' || coalesce("email", '') || ' ' || coalesce("company", '')) gin_trgm_ops);