import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../test/harness.js';
import { compileRuleTree } from './segment-compiler.js';

let t: TestContext;
let owner: SignedUp;
const ids: Record<string, string> = {};

async function lead(name: string, body: Record<string, unknown>) {
  const res = await owner.client.post('/api/marketing/leads', { first_name: name, email: uniqueEmail(name.normalize('NFD').replace(/[^a-z]/gi, '')), ...body });
  expect(res.statusCode, res.body).toBe(201);
  ids[name] = res.json().id;
}

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app);
  await owner.client.post('/api/marketing/custom-fields', { key: 'budget', label: 'Budget', field_type: 'number' });
  await owner.client.post('/api/marketing/custom-fields', { key: 'secteur', label: 'Secteur', field_type: 'select', options: ['Coaching', 'Formation'] });
  await owner.client.post('/api/marketing/custom-fields', { key: 'rdv', label: 'RDV', field_type: 'date' });
  await lead('Alice', {
    company: 'Acme',
    job_title: 'Directrice marketing',
    status: 'qualified',
    estimated_value: 5000,
    tags: ['vip', 'webinar'],
    owner_id: owner.userId,
    custom_fields: { budget: 12000, secteur: 'Coaching', rdv: '2026-11-12' },
  });
  await lead('Bruno', {
    company: 'Boulangerie',
    job_title: 'Gérant',
    status: 'new',
    estimated_value: 800,
    tags: ['webinar'],
    custom_fields: { budget: 900, secteur: 'Formation' },
  });
  await lead('Chloé', { job_title: 'Directeur commercial', status: 'won', estimated_value: 12000, tags: [] });
  await lead('Denis', { company: '', status: 'lost', tags: ['froid'] });
  await owner.client.post(`/api/marketing/leads/${ids.Bruno}/interactions`, { interaction_type: 'call', subject: 'Appel' });
  await owner.client.post(`/api/marketing/leads/${ids.Chloé}/interactions`, {
    interaction_type: 'meeting',
    subject: 'RDV',
    occurred_at: '2025-01-01T10:00:00Z',
  });
});
afterAll(() => t.close());

async function matching(rules: unknown): Promise<string[]> {
  const res = await owner.client.post('/api/marketing/segments/preview', { rules });
  expect(res.statusCode, JSON.stringify(res.json())).toBe(200);
  const names = res
    .json()
    .sample.map((l: { first_name: string }) => l.first_name)
    .sort();
  expect(res.json().count).toBe(names.length);
  return names;
}

const where = (field: string, operator: string, value?: unknown) => ({ op: 'and', rules: [{ field, operator, value }] });

describe('segment rules', () => {
  it('applies each operator to text, number, status, tags, owner, custom fields and dates', async () => {
    expect(await matching(where('job_title', 'contains', 'direct'))).toEqual(['Alice', 'Chloé']);
    expect(await matching(where('job_title', 'not_contains', 'direct'))).toEqual(['Bruno', 'Denis']);
    expect(await matching(where('company', 'eq', 'ACME'))).toEqual(['Alice']);
    expect(await matching(where('company', 'neq', 'Acme'))).toEqual(['Bruno', 'Chloé', 'Denis']);
    expect(await matching(where('company', 'is_empty'))).toEqual(['Chloé', 'Denis']);
    expect(await matching(where('company', 'in', ['acme', 'Boulangerie']))).toEqual(['Alice', 'Bruno']);
    expect(await matching(where('status', 'not_in', ['won', 'lost']))).toEqual(['Alice', 'Bruno']);
    expect(await matching(where('estimated_value', 'gte', 5000))).toEqual(['Alice', 'Chloé']);
    expect(await matching(where('estimated_value', 'between', [500, 5000]))).toEqual(['Alice', 'Bruno']);
    expect(await matching(where('estimated_value', 'is_empty'))).toEqual(['Denis']);
    expect(await matching(where('tags', 'contains', 'webinar'))).toEqual(['Alice', 'Bruno']);
    expect(await matching(where('tags', 'not_in', ['vip', 'froid']))).toEqual(['Bruno', 'Chloé']);
    expect(await matching(where('tags', 'is_empty'))).toEqual(['Chloé']);
    expect(await matching(where('owner', 'eq', owner.userId))).toEqual(['Alice']);
    expect(await matching(where('owner', 'is_empty'))).toEqual(['Bruno', 'Chloé', 'Denis']);
    expect(await matching(where('custom.budget', 'gt', 1000))).toEqual(['Alice']);
    expect(await matching(where('custom.secteur', 'eq', 'Formation'))).toEqual(['Bruno']);
    expect(await matching(where('custom.rdv', 'eq', '2026-11-12'))).toEqual(['Alice']);
    expect(await matching(where('custom.rdv', 'lt', '2026-11-12'))).toEqual([]);
    expect(await matching(where('created_at', 'within_last_days', 1))).toHaveLength(4);
    expect(await matching(where('created_at', 'lt', '2000-01-01'))).toEqual([]);
  });

  it('tests events: has one, has none, within N days, how many', async () => {
    expect(await matching(where('events.interaction_added', 'is_not_empty'))).toEqual(['Bruno', 'Chloé']);
    expect(await matching(where('events.interaction_added', 'is_empty'))).toEqual(['Alice', 'Denis']);
    // Chloé's meeting happened in 2025: its event carries that date.
    expect(await matching(where('events.interaction_added', 'within_last_days', 7))).toEqual(['Bruno']);
    expect(await matching(where('events.created', 'gte', 1))).toHaveLength(4);
    expect(await matching({ op: 'and', rules: [{ field: 'events.interaction_added', operator: 'is_not_empty', data: { interaction_type: 'call' } }] })).toEqual(
      ['Bruno'],
    );
  });

  it('combines nested groups with and / or', async () => {
    const rules = {
      op: 'or',
      rules: [
        {
          op: 'and',
          rules: [
            { field: 'tags', operator: 'contains', value: 'webinar' },
            { field: 'estimated_value', operator: 'lt', value: 1000 },
          ],
        },
        {
          op: 'and',
          rules: [
            { field: 'status', operator: 'eq', value: 'won' },
            { op: 'or', rules: [{ field: 'job_title', operator: 'contains', value: 'directeur' }] },
          ],
        },
      ],
    };
    expect(await matching(rules)).toEqual(['Bruno', 'Chloé']);
    expect(await matching({ op: 'and', rules: [] })).toHaveLength(4);
  });

  it('refuses a bad tree with a 400 naming every bad node', async () => {
    const res = await owner.client.post('/api/marketing/segments/preview', {
      rules: {
        op: 'and',
        rules: [
          { field: 'status', operator: 'eq', value: 'gagné' },
          {
            op: 'or',
            rules: [
              { field: 'shoe_size', operator: 'eq', value: 42 },
              { field: 'score', operator: 'contains', value: 'x' },
            ],
          },
          { field: 'estimated_value', operator: 'between', value: [1] },
          { field: 'custom.budget', operator: 'gt', value: 'beaucoup' },
          // Not in the lead-event registry.
          { field: 'events.moon_landing', operator: 'is_not_empty' },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.rules.rules.0.value',
      'body.rules.rules.1.rules.0.field',
      'body.rules.rules.1.rules.1.operator',
      'body.rules.rules.2.value',
      'body.rules.rules.3.value',
      'body.rules.rules.4.field',
    ]);
    const shape = await owner.client.post('/api/marketing/segments/preview', { rules: { op: 'xor', rules: [] } });
    expect(shape.statusCode).toBe(400);
  });

  it('never puts values in the SQL text', async () => {
    const evil = "x'); drop table leads; --";
    const compiled = compileRuleTree(
      {
        op: 'or',
        rules: [
          { field: 'company', operator: 'eq', value: evil },
          { field: 'tags', operator: 'in', value: [evil] },
          { field: 'events.email_opened', operator: 'is_not_empty', data: { k: evil } },
        ],
      },
      new Map(),
    );
    const query = new PgDialect().sqlToQuery(compiled);
    expect(query.sql).not.toContain('drop table');
    expect(JSON.stringify(query.params)).toContain('drop table');
    expect(await matching(where('company', 'eq', evil))).toEqual([]);
    expect((await owner.client.get('/api/marketing/leads')).statusCode).toBe(200);
  });
});

describe('saved segments and list filters', () => {
  it('saves, lists, updates and deletes a segment; lists leads by segment, rules, sort and cursor', async () => {
    const rules = where('tags', 'contains', 'webinar');
    const created = await owner.client.post('/api/marketing/segments', { name: 'Inscrits webinar', rules });
    expect(created.statusCode).toBe(201);
    const segment = created.json();
    expect((await owner.client.get('/api/marketing/segments')).json().map((s: { name: string }) => s.name)).toEqual(['Inscrits webinar']);

    const bySegment = (await owner.client.get(`/api/marketing/leads?segment_id=${segment.id}`)).json();
    expect(bySegment.items.map((l: { first_name: string }) => l.first_name).sort()).toEqual(['Alice', 'Bruno']);
    const byRules = (
      await owner.client.get(`/api/marketing/leads?rules=${encodeURIComponent(JSON.stringify(where('estimated_value', 'gt', 100)))}&sort=value&limit=2`)
    ).json();
    expect(byRules.items.map((l: { first_name: string }) => l.first_name)).toEqual(['Chloé', 'Alice']);
    const next = (
      await owner.client.get(
        `/api/marketing/leads?rules=${encodeURIComponent(JSON.stringify(where('estimated_value', 'gt', 100)))}&sort=value&limit=2&cursor=${byRules.next_cursor}`,
      )
    ).json();
    expect(next.items.map((l: { first_name: string }) => l.first_name)).toEqual(['Bruno']);
    expect(next.next_cursor).toBeNull();
    const byName = (await owner.client.get('/api/marketing/leads?sort=name')).json();
    expect(byName.items.map((l: { first_name: string }) => l.first_name)).toEqual(['Alice', 'Bruno', 'Chloé', 'Denis']);

    const badJson = await owner.client.get('/api/marketing/leads?rules=%7Bnope');
    expect(badJson.statusCode).toBe(400);
    const wrongCursor = await owner.client.get(`/api/marketing/leads?sort=score&cursor=${byRules.next_cursor}`);
    expect(wrongCursor.statusCode).toBe(400);

    const invalid = await owner.client.patch(`/api/marketing/segments/${segment.id}`, { name: 'X', rules: where('nope', 'eq', 1) });
    expect(invalid.statusCode).toBe(400);
    const updated = await owner.client.patch(`/api/marketing/segments/${segment.id}`, { name: 'Gros budgets', rules: where('custom.budget', 'gte', 10000) });
    expect(updated.json()).toMatchObject({ name: 'Gros budgets' });
    expect((await owner.client.delete(`/api/marketing/segments/${segment.id}`)).statusCode).toBe(204);
    expect((await owner.client.get(`/api/marketing/leads?segment_id=${segment.id}`)).statusCode).toBe(404);
  });
});
