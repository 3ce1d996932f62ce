import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { importWriters, runLeadImport } from '../src/modules/crm/imports/lead-import-run.service.js';
import { signUp, startTestApp, type TestContext } from './harness.js';
import { uploadLeads } from './lead-import-upload.js';

// Issue 8: no member can stall the server for everyone. While one workspace runs a 6,000-row import and
// keeps sending the heaviest segment preview a stranger could shape (four OR-groups of 50 event
// conditions over 20,000 leads and 100,000 events), /api/health and another workspace's lead list
// answer within a second each, on PGlite (one connection) and on PostgreSQL.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const LEADS = 20_000;
const IMPORT_ROWS = 6_000;

/** The preview: four OR-groups of 50 event conditions ("had an interaction…" compiles the same). */
const heavyRules = {
  op: 'or',
  rules: [0, 1, 2, 3].map((group) => ({
    op: 'and',
    rules: Array.from({ length: 50 }, (_, i) => ({
      field: `events.${['interaction_added', 'status_changed', 'field_changed', 'created'][(group + i) % 4]}`,
      operator: 'gt',
      value: i % 3,
    })),
  })),
};

describe('a heavy preview and an import at once', () => {
  it('leave /api/health and the lead list answering within a second', { timeout: 240_000 }, async () => {
    const heavy = await signUp(t.app);
    const bystander = await signUp(t.app);
    // Written in bulk, with no ANALYZE afterwards: the planner's statistics are as stale as they get.
    await t.runtime.db.execute(sql`
      WITH l AS (
        INSERT INTO leads (workspace_id, first_name, email)
        SELECT ${heavy.workspaceId}, 'Lead ' || g, 'lead' || g || '@exemple.fr' FROM generate_series(1, ${LEADS}::int) g
        RETURNING id
      )
      INSERT INTO lead_events (workspace_id, lead_id, event_type, data)
      SELECT ${heavy.workspaceId}, l.id, (ARRAY['interaction_added','status_changed','field_changed','created','imported'])[1 + k % 5], '{}'::jsonb
        FROM l, generate_series(1, 5) k`);
    await bystander.client.post('/api/marketing/leads', { first_name: 'Voisin' });

    const importId = await uploadLeads(heavy, IMPORT_ROWS);
    let importing = true;
    const running = runLeadImport(t.runtime.db, heavy.workspaceId, importId, { batchRows: 500, writers: importWriters(t.runtime.database.kind) }).finally(
      () => {
        importing = false;
      },
    );
    // The stranger's previews, one after the other for as long as the import runs (and at least three).
    const previewStatuses: number[] = [];
    const previews = (async () => {
      for (let i = 0; importing || i < 3; i++) {
        const res = await heavy.client.post('/api/marketing/segments/preview', { rules: heavyRules });
        previewStatuses.push(res.statusCode);
      }
    })();

    const latencies: { url: string; ms: number }[] = [];
    try {
      // Paced like a health probe and a person, while both run.
      while (importing || latencies.length < 20) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        for (const url of ['/api/health', '/api/marketing/leads?limit=50']) {
          const started = performance.now();
          const res = url === '/api/health' ? await t.app.inject({ url }) : await bystander.client.get(url);
          latencies.push({ url, ms: performance.now() - started });
          expect(res.statusCode).toBe(200);
        }
      }
    } finally {
      await running;
      await previews;
    }
    const slowest = latencies.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.info(
      `${latencies.length} requests during the import and ${previewStatuses.length} heavy previews (${[...new Set(previewStatuses)].join('/')}); slowest ${slowest.url} ${Math.round(slowest.ms)} ms`,
    );
    // The preview is answered (quickly, or refused as too expensive with 422), never left hanging or failing.
    expect(previewStatuses.every((status) => status === 200 || status === 422)).toBe(true);
    expect(slowest.ms).toBeLessThan(1000);
    expect((await heavy.client.get(`/api/marketing/imports/${importId}`)).json()).toMatchObject({ status: 'completed' });
    await t.drain();
  });
});
