import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TRuleGroup } from '../../contracts/crm-segments.js';
import { Tenant } from '../../platform/db/tenant.js';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';
import { compileLeadRules } from './segment-compiler.js';

// Segments a stranger shapes: cost that does not grow with the number of event conditions, and bad
// values answered 400 (never 500), including values stored before validation existed.

let t: TestContext;
let alice: SignedUp;

const preview = (rules: TRuleGroup) => alice.client.post('/api/marketing/segments/preview', { rules });
const eventConditions = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    field: `events.${['status_changed', 'created', 'field_changed', 'email_opened'][i % 4]}`,
    operator: 'gt' as const,
    value: i % 7,
  }));

beforeAll(async () => {
  t = await startTestApp();
  alice = await signUp(t.app);
  // 300 leads with 6 events each, written in bulk. (Not `imported`: an import's leads record it in leads.import_id.)
  await t.runtime.db.execute(sql`
    WITH l AS (
      INSERT INTO leads (workspace_id, first_name, email)
      SELECT ${alice.workspaceId}, 'Lead ' || g, 'lead' || g || '@example.com' FROM generate_series(1, 300) g
      RETURNING id
    )
    INSERT INTO lead_events (workspace_id, lead_id, event_type, data)
    SELECT ${alice.workspaceId}, l.id, (ARRAY['status_changed','created','field_changed'])[1 + k % 3], '{}'::jsonb FROM l, generate_series(1, 6) k`);
  await t.runtime.db.execute(sql`ANALYZE leads, lead_events`);
  expect((await alice.client.post('/api/marketing/custom-fields', { key: 'rdv', label: 'RDV', field_type: 'date' })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('event conditions', () => {
  it('read the events once per lead whatever the number of conditions (one aggregate, one scan)', async () => {
    const tenant = new Tenant(t.runtime.db, alice.workspaceId);
    const scans = async (rules: TRuleGroup) => {
      const condition = await compileLeadRules(tenant, rules);
      const plan = await t.runtime.db.execute(sql`EXPLAIN (FORMAT JSON) SELECT count(*) FROM leads WHERE ${condition}`);
      return (JSON.stringify((plan as unknown as { rows: unknown[] }).rows).match(/"Relation Name\\?":\s*\\?"lead_events/g) ?? []).length;
    };
    expect(await scans({ op: 'or', rules: eventConditions(1) })).toBe(1);
    // Four OR-groups of 50 conditions (the 21-minute freeze of the issue): still one scan.
    const groups: TRuleGroup = { op: 'or', rules: [0, 1, 2, 3].map(() => ({ op: 'and' as const, rules: eventConditions(50) })) };
    expect(await scans(groups)).toBe(1);
  });

  it('keep their meaning: has, has none, how many, mixed with lead fields', async () => {
    const count = async (rules: TRuleGroup) => (await preview(rules)).json().count as number;
    expect(await count({ op: 'and', rules: [{ field: 'events.status_changed', operator: 'gt', value: 1 }] })).toBe(300);
    expect(await count({ op: 'and', rules: [{ field: 'events.status_changed', operator: 'gt', value: 2 }] })).toBe(0);
    expect(await count({ op: 'and', rules: [{ field: 'events.email_opened', operator: 'is_empty' }] })).toBe(300);
    expect(
      await count({
        op: 'or',
        rules: [
          { field: 'events.email_opened', operator: 'is_not_empty' },
          { field: 'first_name', operator: 'eq', value: 'Lead 7' },
        ],
      }),
    ).toBe(1);
    expect(
      await count({
        op: 'and',
        rules: [
          { field: 'events.created', operator: 'within_last_days', value: 1 },
          { field: 'events.status_changed', operator: 'eq', value: 2 },
        ],
      }),
    ).toBe(300);
    const big = await preview({ op: 'or', rules: [0, 1, 2, 3].map(() => ({ op: 'and' as const, rules: eventConditions(50) })) });
    expect(big.statusCode).toBe(200);
  });
});

describe('bad values are 400 naming the place', () => {
  it('score eq 1e20, impossible dates, NUL characters', async () => {
    const cases: [TRuleGroup, string][] = [
      [{ op: 'and', rules: [{ field: 'score', operator: 'eq', value: 1e20 }] }, 'body.rules.rules.0.value'],
      [{ op: 'and', rules: [{ field: 'created_at', operator: 'gt', value: '2024-02-30' }] }, 'body.rules.rules.0.value'],
      [{ op: 'and', rules: [{ field: 'custom.rdv', operator: 'eq', value: '0000-01-01' }] }, 'body.rules.rules.0.value'],
      [{ op: 'and', rules: [{ field: 'created_at', operator: 'between', value: ['2024-01-01', '2023-02-29'] }] }, 'body.rules.rules.0.value.1'],
      [{ op: 'and', rules: [{ field: 'first_name', operator: 'contains', value: 'a\u0000b' }] }, 'body.rules.rules.0.value'],
    ];
    for (const [rules, path] of cases) {
      const res = await preview(rules);
      expect(res.statusCode, JSON.stringify(rules)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const q = await alice.client.get(`/api/marketing/leads?q=${encodeURIComponent('x\u0000')}`);
    expect(q.statusCode).toBe(400);
    expect(q.json().errors[0].path).toBe('querystring.q');
  });

  it('forged list cursors', async () => {
    const forge = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [sort, cursor] of [
      ['newest', forge(['newest', 'garbage', id])],
      ['newest', forge(['newest', '2024-02-30T00:00:00.000Z', id])],
      ['newest', forge(['newest', 12, id])],
      ['score', forge(['score', 1e300, id])],
      ['score', forge(['score', 5, '------------------------------------'])],
      ['name', forge(['name', 'x', 'not-an-id'])],
    ]) {
      const res = await alice.client.get(`/api/marketing/leads?sort=${sort}&cursor=${cursor}`);
      expect(res.statusCode, `${sort} ${cursor}`).toBe(400);
    }
    const first = (await alice.client.get('/api/marketing/leads?limit=2')).json();
    expect((await alice.client.get(`/api/marketing/leads?limit=2&cursor=${first.next_cursor}`)).statusCode).toBe(200);
  });

  it('a bad day stored in a custom date field reads as empty instead of failing every filter', async () => {
    await t.runtime.db.execute(
      sql`UPDATE leads SET custom_fields = '{"rdv": "2024-02-30"}' WHERE workspace_id = ${alice.workspaceId} AND first_name = 'Lead 1'`,
    );
    await t.runtime.db.execute(
      sql`UPDATE leads SET custom_fields = '{"rdv": "2024-02-29"}' WHERE workspace_id = ${alice.workspaceId} AND first_name = 'Lead 2'`,
    );
    const after = await preview({ op: 'and', rules: [{ field: 'custom.rdv', operator: 'gt', value: '2024-01-01' }] });
    expect(after.statusCode).toBe(200);
    expect(after.json().count).toBe(1);
    const empty = await preview({ op: 'and', rules: [{ field: 'custom.rdv', operator: 'is_empty' }] });
    expect(empty.json().count).toBe(299);
  });
});

describe.runIf(process.env.TEST_DB !== 'postgres')('cost check on the embedded database', () => {
  it('refuses a preview the planner estimates over QUERY_COST_LIMIT with 422, and lists without filters still answer', async () => {
    const strict = await startTestApp({ QUERY_COST_LIMIT: '1' });
    try {
      const bob = await signUp(strict.app);
      const res = await bob.client.post('/api/marketing/segments/preview', { rules: { op: 'and', rules: eventConditions(3) } });
      expect(res.statusCode).toBe(422);
      expect(res.json().type).toBe('urn:problem:query_too_expensive');
      expect((await bob.client.get('/api/marketing/leads')).statusCode).toBe(200);
      // The export and bulk actions read every matching lead: the same filter is refused there too.
      const rules = encodeURIComponent(JSON.stringify({ op: 'and', rules: eventConditions(3) }));
      expect((await bob.client.get(`/api/marketing/leads/export.csv?rules=${rules}`)).statusCode).toBe(422);
      const bulk = await bob.client.post('/api/marketing/leads/bulk', {
        action: 'add_tag',
        value: 'x',
        target: { filter: { rules: { op: 'and', rules: eventConditions(3) } } },
      });
      expect(bulk.statusCode, bulk.body).toBe(422);
    } finally {
      await strict.close();
    }
  });
});
