import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../platform/db/database.js';
import { MIGRATIONS_FOLDER, runMigrations } from '../../../platform/db/migrate.js';

// Migration 0017 replaced the `imported` event row of each imported lead with leads.import_id. A database
// that had imports before it must keep saying which import created which lead, and lose those events.
// Always on a fresh embedded database (the migrations are the same SQL on PostgreSQL).

const BEFORE = '0017_leads_import_id';
let database: Database;
let folder: string;

beforeAll(async () => {
  // The migrations folder as it was before 0017: the same files, the journal cut there.
  folder = mkdtempSync(join(tmpdir(), 'migrations-'));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === BEFORE);
  expect(cut).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  database = await openDatabase({});
  await migrate(database.db as unknown as PgliteDatabase, { migrationsFolder: folder, migrationsSchema: 'drizzle' });
});

afterAll(async () => {
  await database?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('migration 0017 (leads.import_id)', () => {
  it("moves each imported lead's import from its `imported` event to the lead, and deletes those events", async () => {
    const { raw } = database;
    const { rows: ids } = await raw.query<{ ws: string; user_id: string; imp: string; a: string; b: string; c: string }>(`
      WITH u AS (INSERT INTO users (email, name, password_hash) VALUES ('ada@exemple.fr', 'Ada', 'x') RETURNING id),
           w AS (INSERT INTO workspaces (name) VALUES ('Ada') RETURNING id)
      SELECT w.id AS ws, u.id AS user_id, gen_random_uuid() AS imp, gen_random_uuid() AS a, gen_random_uuid() AS b, gen_random_uuid() AS c FROM u, w`);
    const { ws, user_id, imp, a, b, c } = ids[0]!;
    await raw.query(
      `INSERT INTO lead_imports (id, workspace_id, created_by, file_name, file_size, mapping, on_duplicate, status)
       VALUES ($1, $2, $3, 'leads.csv', 10, '{}', 'skip', 'completed')`,
      [imp, ws, user_id],
    );
    // a: imported; b: added by hand; c: an `imported` event whose data is not an import id (left without one).
    await raw.query(`INSERT INTO leads (id, workspace_id, first_name) VALUES ($1, $4, 'Importée'), ($2, $4, 'À la main'), ($3, $4, 'Abîmée')`, [a, b, c, ws]);
    await raw.query(
      `INSERT INTO lead_events (workspace_id, lead_id, event_type, data) VALUES
         ($1, $2, 'imported', jsonb_build_object('import_id', $3::text)),
         ($1, $2, 'field_changed', '{}'),
         ($1, $4, 'created', '{}'),
         ($1, $5, 'imported', '{"import_id": "pas-un-id"}')`,
      [ws, a, imp, b, c],
    );

    await runMigrations(database);

    const { rows: leads } = await raw.query<{ id: string; import_id: string | null }>(`SELECT id, import_id FROM leads ORDER BY first_name`);
    expect(Object.fromEntries(leads.map((lead) => [lead.id, lead.import_id]))).toEqual({ [a]: imp, [b]: null, [c]: null });
    const { rows: events } = await raw.query<{ lead_id: string; event_type: string }>(`SELECT lead_id, event_type FROM lead_events ORDER BY event_type`);
    expect(events).toEqual([
      { lead_id: b, event_type: 'created' },
      { lead_id: a, event_type: 'field_changed' },
    ]);
  });
});
