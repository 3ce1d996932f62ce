ALTER TABLE "leads" ADD COLUMN "import_id" uuid;--> statement-breakpoint
-- Leads imported before: the import named by their `imported` event, which leads.import_id replaces.
UPDATE "leads" AS l SET "import_id" = (e."data" ->> 'import_id')::uuid
  FROM "lead_events" AS e
 WHERE e."event_type" = 'imported' AND e."lead_id" = l."id" AND e."workspace_id" = l."workspace_id"
   AND e."data" ->> 'import_id' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';--> statement-breakpoint
DELETE FROM "lead_events" WHERE "event_type" = 'imported';
