import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, type SignedUp, type TestContext } from './harness.js';
import { MetaFake } from './meta-fake.js';
import { seedTenantFixtures } from './tenant-fixtures.js';

// Walks the registered route tables (admin API and public server): every route that takes an id must show
// workspace B nothing of workspace A (404), by session and by API key, and leave A's data unchanged; A itself
// must reach its own rows through the same routes (a route that always 404s proves nothing). A's ids sent by B in
// query strings and bodies (segment, owner, assignee, bulk ids, round-robin members) change nothing of A's and
// show nothing. New routes are covered without editing this file; a route opts out only with
// `config.tenant.optOut` and a written reason.

let t: TestContext;
let a: SignedUp;
let bSession: Client;
let bKey: Client;
let tenantTables: string[];

async function rowsOf(workspaceId: string): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tenantTables) {
    const { rows } = await t.runtime.database.raw.query(`SELECT * FROM "${table}" WHERE workspace_id = $1 ORDER BY 1`, [workspaceId]);
    snapshot[table] = rows;
  }
  return snapshot;
}

// The ads fixture connects a Meta account through OAuth: against this local fake of the Graph API.
const meta = new MetaFake();

beforeAll(async () => {
  await meta.start();
  t = await startTestApp(meta.env);
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
afterAll(async () => {
  await t.close();
  await meta.stop();
});

/** Puts the row's id in every `:param` of the route (routes with a tenant table take one id). */
function withParams(url: string, id: string): string {
  return url.replace(/:[A-Za-z_]+/g, id);
}

/** GETs first, DELETEs last: A's own requests must not remove a row a later route needs. */
const METHOD_ORDER = ['GET', 'PATCH', 'PUT', 'POST', 'DELETE'];

describe('tenant isolation', () => {
  it('has fixtures in every tenant-owned table', async () => {
    const snapshot = await rowsOf(a.workspaceId);
    const empty = Object.entries(snapshot)
      .filter(([, rows]) => rows.length === 0)
      .map(([table]) => table);
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
        const url = withParams(route.url, row.id);
        for (const [who, client] of [
          ['session', bSession],
          ['api key', bKey],
        ] as const) {
          const res = await client.request({
            method: route.method,
            url,
            payload: tenant.sampleBody ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {}),
          });
          expect(res.statusCode, `${who} ${route.method} ${url}: ${res.body}`).toBe(404);
        }
      }
      checked.push(`${route.method} ${route.url}`);
    }
    expect(checked.length).toBeGreaterThan(0);
    expect(await rowsOf(a.workspaceId)).toEqual(before);
  });

  it("never lists any of A's ids to B", async () => {
    const snapshot = await rowsOf(a.workspaceId);
    const aIds = Object.values(snapshot)
      .flatMap((rows) => (rows as { id?: string }[]).map((r) => r.id))
      .filter((id): id is string => typeof id === 'string');
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

  it("sends B's requests carrying A's ids in query strings and bodies nowhere", async () => {
    const snapshot = await rowsOf(a.workspaceId);
    const before = JSON.stringify(snapshot);
    const aLeads = (snapshot.leads as { id: string }[]).map((r) => r.id);
    const aSegment = (snapshot.segments as { id: string }[])[0]!.id;
    const aUser = a.userId;
    for (const client of [bSession, bKey]) {
      const bySegment = await client.get(`/api/marketing/leads?segment_id=${aSegment}`);
      expect(bySegment.statusCode, bySegment.body).toBe(404);
      const owned = await client.post('/api/marketing/leads', { email: `owned-${Date.now()}-${Math.random()}@example.com`, owner_id: aUser });
      expect(owned.statusCode, owned.body).toBe(400);
      const bulk = await client.post('/api/marketing/leads/bulk', { action: 'add_tag', value: 'pris', target: { ids: aLeads } });
      expect(bulk.statusCode, bulk.body).toBeLessThan(500);
      if (bulk.statusCode === 200) expect(bulk.json()).toEqual({ affected: 0 });
      const members = await client.patch('/api/marketing/crm-settings', { round_robin_member_ids: [aUser] });
      expect(members.statusCode, members.body).toBe(400);
      const bLead = (await client.post('/api/marketing/leads', { email: `b-${Date.now()}-${Math.random()}@example.com` })).json() as { id: string };
      const task = await client.post(`/api/marketing/leads/${bLead.id}/tasks`, { title: 'Appeler', assignee_id: aUser });
      expect(task.statusCode, task.body).toBe(400);
      const moved = await client.patch(`/api/marketing/leads/${bLead.id}`, { owner_id: aUser });
      expect(moved.statusCode, moved.body).toBe(400);
    }
    expect(JSON.stringify(await rowsOf(a.workspaceId))).toBe(before);
  });

  it('reaches its own rows through every route that takes an id (a route that always 404s fails here)', async () => {
    const rows = await rowsOf(a.workspaceId);
    // Parents last: deleting a lead first would take its tasks and events with it.
    const rank = (r: { method: string; url: string }) => METHOD_ORDER.indexOf(r.method) * 2 + (r.method === 'DELETE' && /\/leads\/:id$/.test(r.url) ? 1 : 0);
    const routes = t.app.routeTable.filter((r) => r.url.includes('/:') && r.tenant && !('optOut' in r.tenant)).sort((x, y) => rank(x) - rank(y));
    const notFound: string[] = [];
    for (const route of routes) {
      const tenant = route.tenant as { table: string; sampleBody?: unknown };
      // Any of A's current rows will do (an accepted invitation cannot be revoked, a pending one can).
      const current = ((await rowsOf(a.workspaceId))[tenant.table] as { id?: string }[]).map((r) => r.id).filter((id): id is string => !!id);
      const candidates = current.length > 0 ? current : ((rows[tenant.table] as { id?: string }[]) ?? []).map((r) => r.id).filter((id): id is string => !!id);
      let last = '';
      let reached = candidates.length === 0;
      for (const id of candidates.slice(0, 5)) {
        const res = await a.client.request({
          method: route.method,
          url: withParams(route.url, id),
          payload: tenant.sampleBody ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {}),
        });
        last = res.body.slice(0, 120);
        if (res.statusCode !== 404) {
          reached = true;
          break;
        }
      }
      if (!reached) notFound.push(`${route.method} ${route.url} (${tenant.table}): ${last}`);
    }
    expect(notFound).toEqual([]);
  });

  it("walks the public server routes too: none answers 500 or shows A's rows to a stranger", async () => {
    const snapshot = await rowsOf(a.workspaceId);
    const secrets = [a.workspaceId, a.userId, ...((snapshot.leads as { id: string; email: string | null }[]).map((l) => l.email).filter(Boolean) as string[])];
    const routes = t.publicApp.publicRouteTable;
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const ids = [...new Set(Object.values(snapshot).flatMap((list) => (list as { id?: string }[]).map((r) => r.id)))].filter(
        (id): id is string => typeof id === 'string',
      );
      for (const id of route.url.includes(':') ? ids : ['']) {
        const res = await t.publicApp.inject({
          method: route.method as 'GET',
          url: withParams(route.url, id),
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        expect(res.statusCode, `${route.method} ${route.url}`).toBeLessThan(500);
        // A media file is public by its id (an image in a mail); nothing else of A's may show.
        if (route.url.startsWith('/files/')) continue;
        for (const secret of secrets) expect(res.body, `${route.url} shows ${secret}`).not.toContain(secret);
      }
    }
  });
});
