import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, type SignedUp, type TestContext } from './harness.js';
import { seedTenantFixtures } from './tenant-fixtures.js';

// Walks the registered route table: every route that takes an id must show workspace B nothing of
// workspace A (404), by session and by API key, and leave A's data unchanged. New routes are covered
// without editing this file; a route opts out only with `config.tenant.optOut` and a written reason.

let t: TestContext;
let a: SignedUp;
let bSession: Client;
let bKey: Client;
let tenantTables: string[];

async function rowsOf(workspaceId: string): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tenantTables) {
    const { rows } = await t.runtime.database.raw.query(`SELECT * FROM "${table}" WHERE workspace_id = $1 ORDER BY id`, [workspaceId]);
    snapshot[table] = rows;
  }
  return snapshot;
}

beforeAll(async () => {
  t = await startTestApp();
  const { rows } = await t.runtime.database.raw.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE column_name = 'workspace_id' AND table_schema = 'public' ORDER BY table_name`,
  );
  tenantTables = rows.map((r) => r.table_name);
  a = await seedTenantFixtures(t);
  const b = await signUp(t.app, { workspace_name: 'Workspace B' });
  bSession = b.client;
  bKey = new Client(t.app, { bearer: (await b.client.post('/api/workspace/api-keys', { name: 'B', role: 'admin' })).json().key });
});
afterAll(() => t.close());

describe('tenant isolation', () => {
  it('has fixtures in every tenant-owned table', async () => {
    const snapshot = await rowsOf(a.workspaceId);
    const empty = Object.entries(snapshot).filter(([, rows]) => rows.length === 0).map(([table]) => table);
    expect(empty, 'tables without a fixture row in test/tenant-fixtures.ts').toEqual([]);
  });

  it("gives workspace B a 404 for every id of workspace A, and leaves A's data unchanged", async () => {
    const before = await rowsOf(a.workspaceId);
    const routes = t.app.routeTable.filter((r) => r.url.includes('/:'));
    expect(routes.length).toBeGreaterThan(3);
    const checked: string[] = [];
    for (const route of routes) {
      const tenant = route.tenant;
      expect(tenant, `${route.method} ${route.url} declares config.tenant (table or optOut)`).toBeDefined();
      if (!tenant || 'optOut' in tenant) {
        expect(tenant && 'optOut' in tenant && tenant.optOut.length > 20).toBe(true);
        continue;
      }
      const ids = before[tenant.table];
      expect(ids, `${route.url}: ${tenant.table} is a tenant table with fixtures`).toBeDefined();
      for (const row of ids as { id: string }[]) {
        const url = route.url.replace(/:id\b/, row.id);
        for (const [who, client] of [['session', bSession], ['api key', bKey]] as const) {
          const res = await client.request({ method: route.method, url, payload: tenant.sampleBody ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {}) });
          expect(res.statusCode, `${who} ${route.method} ${url}: ${res.body}`).toBe(404);
        }
      }
      checked.push(`${route.method} ${route.url}`);
    }
    expect(checked.length).toBeGreaterThan(0);
    expect(await rowsOf(a.workspaceId)).toEqual(before);
  });

  it('never lists any of A\'s ids to B', async () => {
    const snapshot = await rowsOf(a.workspaceId);
    const aIds = Object.values(snapshot).flatMap((rows) => (rows as { id: string }[]).map((r) => r.id));
    const lists = t.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.includes(':') && r.access !== 'public');
    expect(lists.length).toBeGreaterThan(3);
    for (const route of lists) {
      for (const client of [bSession, bKey]) {
        const res = await client.get(route.url);
        expect(res.statusCode, `${route.url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        for (const id of [...aIds, a.workspaceId, a.userId]) expect(res.body, `${route.url} leaks ${id}`).not.toContain(id);
      }
    }
  });
});
