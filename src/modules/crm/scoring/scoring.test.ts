import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { DEFAULT_STAGE_PROBABILITIES } from '../../../contracts/crm-scoring.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { rescoreLead, rescoreWorkspace } from './lead-scoring.service.js';
import { explainScore } from './score-explanation.service.js';
import { decayScoresJob } from './scoring.jobs.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;

type TRuleBody = Record<string, unknown>;
async function addRule(ws: SignedUp, body: TRuleBody) {
  const res = await ws.client.post('/api/marketing/scoring-rules', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}
async function addLead(ws: SignedUp, body: TRuleBody = {}) {
  const res = await ws.client.post('/api/marketing/leads', { email: uniqueEmail('score'), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; score: number };
}
const scoreOf = async (ws: SignedUp, id: string) => (await ws.client.get(`/api/marketing/leads/${id}`)).json().score as number;

const directeur = { name: 'Poste de direction', kind: 'fit', condition: { field: 'job_title', operator: 'contains', value: 'directeur' }, points: 10 };
const hasCompany = { name: 'Entreprise renseignée', kind: 'fit', condition: { field: 'company', operator: 'is_not_empty' }, points: 5 };
const interaction = { name: 'Interaction', kind: 'event', event_type: 'interaction_added', points: 5 };
const meeting = { name: 'Rendez-vous', kind: 'event', event_type: 'interaction_added', event_data: { interaction_type: 'meeting' }, points: 15 };

describe('lead scoring', () => {
  it('adds fit points while the lead matches and event points for each event', async () => {
    const ws = await signUp(t.app);
    for (const rule of [directeur, hasCompany, interaction, meeting]) await addRule(ws, rule);
    const lead = await addLead(ws, { job_title: 'Directeur commercial', company: 'Atelier Bois & Co' });
    expect(lead.score).toBe(15);
    expect(await scoreOf(ws, lead.id)).toBe(15);

    await ws.client.post(`/api/marketing/leads/${lead.id}/interactions`, { interaction_type: 'call' });
    expect(await scoreOf(ws, lead.id)).toBe(20);
    // A meeting is an interaction and a meeting: both rules count.
    await ws.client.post(`/api/marketing/leads/${lead.id}/interactions`, { interaction_type: 'meeting' });
    expect(await scoreOf(ws, lead.id)).toBe(40);

    // Fit points last only while the lead matches.
    const patched = await ws.client.patch(`/api/marketing/leads/${lead.id}`, { job_title: 'Comptable' });
    expect(patched.json().score).toBe(30);
    expect(await scoreOf(ws, lead.id)).toBe(30);
    const plain = await addLead(ws);
    expect(plain.score).toBe(0);
  });

  it('decays engagement points with the half-life: points * 0.5^(age / half-life)', async () => {
    const ws = await signUp(t.app);
    await ws.client.patch('/api/marketing/crm-settings', { score_half_life_days: 10 });
    await addRule(ws, { ...interaction, points: 20 });
    await addRule(ws, hasCompany);
    const lead = await addLead(ws, { company: 'Cabinet Lumière' });
    const at = '2026-01-01T00:00:00.000Z';
    await ws.client.post(`/api/marketing/leads/${lead.id}/interactions`, { interaction_type: 'call', occurred_at: at });
    const tenant = new Tenant(t.runtime.db, ws.workspaceId);
    const start = new Date(at);

    expect((await rescoreLead(tenant, lead.id, { cause: 'test', now: start }))!.score).toBe(25);
    expect((await rescoreLead(tenant, lead.id, { cause: 'test', now: new Date(start.getTime() + 10 * DAY) }))!.score).toBe(15);
    expect((await rescoreLead(tenant, lead.id, { cause: 'test', now: new Date(start.getTime() + 20 * DAY) }))!.score).toBe(10);
    expect(await scoreOf(ws, lead.id)).toBe(10);

    const explained = await explainScore(tenant, lead.id, new Date(start.getTime() + 20 * DAY));
    expect(explained).toMatchObject({ score: 10, computed_score: 10, fit_points: 5, engagement_points: 5, half_life_days: 10 });
    expect(explained.items).toEqual([
      expect.objectContaining({ kind: 'fit', rule_name: 'Entreprise renseignée', points: 5, value: 5, condition: hasCompany.condition, occurred_at: null }),
      expect.objectContaining({ kind: 'event', rule_name: 'Interaction', points: 20, value: 5, event_type: 'interaction_added', occurred_at: at }),
    ]);
  });

  it('explains the score over HTTP with its history, and logs each change as score_changed', async () => {
    const ws = await signUp(t.app);
    await addRule(ws, directeur);
    await addRule(ws, interaction);
    const lead = await addLead(ws, { job_title: 'Directrice générale, directeur adjoint' });
    await ws.client.post(`/api/marketing/leads/${lead.id}/interactions`, { interaction_type: 'email' });

    const res = await ws.client.get(`/api/marketing/leads/${lead.id}/score`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ score: 15, computed_score: 15, fit_points: 10, half_life_days: 30, other_events: { count: 0, value: 0 } });
    expect(body.items.map((i: { rule_name: string; points: number }) => [i.rule_name, i.points])).toEqual([
      ['Poste de direction', 10],
      ['Interaction', 5],
    ]);
    expect(body.items[1].value).toBeGreaterThan(4.99);
    expect(body.history.map((h: { previous_score: number; score: number; cause: string }) => [h.previous_score, h.score, h.cause])).toEqual([
      [10, 15, 'interaction_added'],
      [0, 10, 'created'],
    ]);
    expect(body.history[0].breakdown).toEqual([
      { rule_id: expect.any(String), rule_name: 'Poste de direction', kind: 'fit', points: 10, count: 1, value: 10 },
      { rule_id: expect.any(String), rule_name: 'Interaction', kind: 'event', points: 5, count: 1, value: expect.closeTo(5, 1) },
    ]);

    const events = (await ws.client.get(`/api/marketing/leads/${lead.id}/events`)).json() as { event_type: string; data: Record<string, unknown> }[];
    const changes = events.filter((e) => e.event_type === 'score_changed').map((e) => e.data);
    expect(changes).toEqual([
      { from: 10, to: 15, cause: 'interaction_added' },
      { from: 0, to: 10, cause: 'created' },
    ]);
  });

  it('recalculates every lead in the background after a rule change (the route returns at once)', async () => {
    const ws = await signUp(t.app);
    const leads = [
      await addLead(ws, { job_title: 'Directeur' }),
      await addLead(ws, { job_title: 'Stagiaire' }),
      await addLead(ws, { job_title: 'directeur financier' }),
    ];
    const rule = await addRule(ws, directeur);
    // Nothing moved yet: the recalculation is a queued job.
    expect(await Promise.all(leads.map((l) => scoreOf(ws, l.id)))).toEqual([0, 0, 0]);
    await t.drain();
    expect(await Promise.all(leads.map((l) => scoreOf(ws, l.id)))).toEqual([10, 0, 10]);

    await ws.client.patch(`/api/marketing/scoring-rules/${rule.id}`, { points: 25 });
    await t.drain();
    expect(await Promise.all(leads.map((l) => scoreOf(ws, l.id)))).toEqual([25, 0, 25]);
    const history = (await ws.client.get(`/api/marketing/leads/${leads[0]!.id}/score`)).json().history;
    expect(history[0]).toMatchObject({ previous_score: 10, score: 25, cause: 'rules_changed' });

    await ws.client.patch(`/api/marketing/scoring-rules/${rule.id}`, { active: false });
    await t.drain();
    expect(await Promise.all(leads.map((l) => scoreOf(ws, l.id)))).toEqual([0, 0, 0]);
    await ws.client.patch(`/api/marketing/scoring-rules/${rule.id}`, { active: true });
    await ws.client.delete(`/api/marketing/scoring-rules/${rule.id}`);
    await t.drain();
    expect(await Promise.all(leads.map((l) => scoreOf(ws, l.id)))).toEqual([0, 0, 0]);
    expect((await ws.client.get('/api/marketing/scoring-rules')).json()).toEqual([]);
  });

  it('recalculates in batches across more leads than one batch', async () => {
    const ws = await signUp(t.app);
    await t.runtime.database.raw.query(`INSERT INTO leads (workspace_id, company) SELECT $1, 'Acme ' || n FROM generate_series(1, 620) AS n`, [ws.workspaceId]);
    await addRule(ws, { ...hasCompany, points: 7 });
    await t.drain();
    const tenant = new Tenant(t.runtime.db, ws.workspaceId);
    // Every lead has a company: the recalculation reached all 620, and a second run changes nothing.
    const { rows } = await t.runtime.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM leads WHERE workspace_id = $1 AND score < 7', [
      ws.workspaceId,
    ]);
    expect(rows[0]!.n).toBe(0);
    expect(await rescoreWorkspace(tenant, { cause: 'test' })).toMatchObject({ leads: 620, changed: 0 });
  });

  it('applies decay nightly to every workspace with rules', async () => {
    const ws = await signUp(t.app);
    await addRule(ws, { ...interaction, points: 40 });
    await ws.client.patch('/api/marketing/crm-settings', { score_half_life_days: 30 });
    await t.drain();
    const lead = await addLead(ws);
    const at = new Date(Date.now() - 60 * DAY).toISOString();
    await ws.client.post(`/api/marketing/leads/${lead.id}/interactions`, { interaction_type: 'call', occurred_at: at });
    // Scored as of the day it happened (full points), then the nightly job catches up with time.
    await rescoreLead(new Tenant(t.runtime.db, ws.workspaceId), lead.id, { cause: 'test', now: new Date(at) });
    expect(await scoreOf(ws, lead.id)).toBe(40);
    await t.runtime.queue.send(decayScoresJob, {});
    await t.drain();
    expect(await scoreOf(ws, lead.id)).toBe(10);
    const history = (await ws.client.get(`/api/marketing/leads/${lead.id}/score`)).json().history;
    expect(history[0]).toMatchObject({ previous_score: 40, score: 10, cause: 'decay' });
  });

  it('recalculates after a half-life change', async () => {
    const ws = await signUp(t.app);
    await addRule(ws, { ...interaction, points: 40 });
    const lead = await addLead(ws);
    await ws.client.post(`/api/marketing/leads/${lead.id}/interactions`, {
      interaction_type: 'call',
      occurred_at: new Date(Date.now() - 30 * DAY).toISOString(),
    });
    expect(await scoreOf(ws, lead.id)).toBe(20);
    const res = await ws.client.patch('/api/marketing/crm-settings', { score_half_life_days: 15 });
    expect(res.json()).toMatchObject({ score_half_life_days: 15 });
    await t.drain();
    expect(await scoreOf(ws, lead.id)).toBe(10);
  });

  it('names the bad field of a rule or a setting', async () => {
    const ws = await signUp(t.app);
    const bad = async (body: TRuleBody) => (await ws.client.post('/api/marketing/scoring-rules', body)).json().errors?.map((e: { path: string }) => e.path);
    expect(await bad({ name: 'x', kind: 'event', points: 5 })).toEqual(['body.event_type']);
    expect(await bad({ name: 'x', kind: 'event', event_type: 'score_changed', points: 5 })).toEqual(['body.event_type']);
    expect(await bad({ name: 'x', kind: 'event', event_type: 'interaction_added', event_data: { interaction_type: 'fax' }, points: 5 })).toEqual([
      'body.event_data.interaction_type',
    ]);
    expect(await bad({ name: 'x', kind: 'fit', points: 5 })).toEqual(['body.condition']);
    expect(await bad({ name: 'x', kind: 'fit', condition: { field: 'shoe_size', operator: 'eq', value: 42 }, points: 5 })).toEqual(['body.condition.field']);
    expect(await bad({ name: 'x', kind: 'fit', condition: { field: 'estimated_value', operator: 'gt', value: 'lots' }, points: 5 })).toEqual([
      'body.condition.value',
    ]);
    expect(await bad({ name: 'x', kind: 'fit', condition: { field: 'score', operator: 'gt', value: 10 }, points: 5 })).toEqual(['body.condition.field']);
    expect(await bad({ ...directeur, points: 1001 })).toEqual(['body.points']);
    expect(await bad({ ...directeur, points: 2.5 })).toEqual(['body.points']);
    expect(await bad({ ...directeur, event_type: 'form_submitted' })).toEqual(['body.event_type']);
    expect(await bad({ ...directeur, name: '' })).toEqual(['body.name']);
    expect((await ws.client.get('/api/marketing/scoring-rules')).json()).toEqual([]);

    const rule = await addRule(ws, interaction);
    const patched = await ws.client.patch(`/api/marketing/scoring-rules/${rule.id}`, { kind: 'fit' });
    expect(patched.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.condition']);

    // A fit rule on a custom field that is later deleted scores nothing, and can still be switched off.
    const field = (await ws.client.post('/api/marketing/custom-fields', { key: 'budget', label: 'Budget', field_type: 'number' })).json();
    const budget = await addRule(ws, { name: 'Gros budget', kind: 'fit', condition: { field: 'custom.budget', operator: 'gte', value: 1000 }, points: 20 });
    const rich = await addLead(ws, { custom_fields: { budget: 5000 } });
    expect(rich.score).toBe(20);
    await ws.client.delete(`/api/marketing/custom-fields/${field.id}`);
    await ws.client.patch(`/api/marketing/leads/${rich.id}`, { first_name: 'Rich' });
    expect(await scoreOf(ws, rich.id)).toBe(0);
    expect((await ws.client.patch(`/api/marketing/scoring-rules/${budget.id}`, { active: false })).statusCode).toBe(200);
    await ws.client.delete(`/api/marketing/scoring-rules/${budget.id}`);

    const setting = async (body: TRuleBody) => (await ws.client.patch('/api/marketing/crm-settings', body)).json().errors?.map((e: { path: string }) => e.path);
    expect(await setting({ score_half_life_days: 0 })).toEqual(['body.score_half_life_days']);
    expect(await setting({ score_half_life_days: 3651 })).toEqual(['body.score_half_life_days']);
    expect(await setting({ round_robin_enabled: true })).toEqual(['body.round_robin_member_ids']);
    const stranger = await signUp(t.app);
    expect(await setting({ round_robin_enabled: true, round_robin_member_ids: [ws.userId, stranger.userId] })).toEqual(['body.round_robin_member_ids']);
    expect((await ws.client.get('/api/marketing/crm-settings')).json()).toEqual({
      score_half_life_days: 30,
      round_robin_enabled: false,
      round_robin_member_ids: [],
      stage_probabilities: DEFAULT_STAGE_PROBABILITIES,
    });
  });

  it('gives the demo workspace default rules and real, explained scores', async () => {
    const ws = await signUp(t.app);
    const { seedCrmDemo } = await import('../crm.demo.js');
    await seedCrmDemo(t.runtime.db, ws.workspaceId, ws.userId);
    const rules = (await ws.client.get('/api/marketing/scoring-rules')).json() as { name: string }[];
    expect(rules.map((r) => r.name)).toEqual(expect.arrayContaining(['Poste de direction', 'Entreprise renseignée', 'Interaction', 'Rendez-vous']));
    const { rows } = await t.runtime.database.raw.query<{ id: string; score: number }>(
      'SELECT id, score FROM leads WHERE workspace_id = $1 ORDER BY score DESC LIMIT 1',
      [ws.workspaceId],
    );
    expect(rows[0]!.score).toBeGreaterThan(15);
    const explained = (await ws.client.get(`/api/marketing/leads/${rows[0]!.id}/score`)).json();
    expect(explained.score).toBe(rows[0]!.score);
    expect(explained.computed_score).toBe(rows[0]!.score);
    expect(explained.items.length).toBeGreaterThan(1);
    expect(explained.history[0]).toMatchObject({ previous_score: 0, score: rows[0]!.score, cause: 'rules_changed' });
  });

  it('lets viewers read the rules and settings but not change them, and keeps workspaces apart', async () => {
    const ws = await signUp(t.app);
    const rule = await addRule(ws, directeur);
    const key = (await ws.client.post('/api/workspace/api-keys', { name: 'ro', role: 'viewer' })).json().key;
    const viewer = new Client(t.app, { bearer: key });
    expect((await viewer.get('/api/marketing/scoring-rules')).json()).toHaveLength(1);
    expect((await viewer.get('/api/marketing/crm-settings')).statusCode).toBe(200);
    expect((await viewer.post('/api/marketing/scoring-rules', interaction)).statusCode).toBe(403);
    expect((await viewer.patch('/api/marketing/crm-settings', { score_half_life_days: 5 })).statusCode).toBe(403);

    const other = await signUp(t.app);
    expect((await other.client.get('/api/marketing/scoring-rules')).json()).toEqual([]);
    expect((await other.client.patch(`/api/marketing/scoring-rules/${rule.id}`, { points: 1 })).statusCode).toBe(404);
    const lead = await addLead(ws, { job_title: 'Directeur' });
    expect((await other.client.get(`/api/marketing/leads/${lead.id}/score`)).statusCode).toBe(404);
    // Another workspace's rules never score this workspace's leads.
    expect((await addLead(other, { job_title: 'Directeur' })).score).toBe(0);
  });
});
