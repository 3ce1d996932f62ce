import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_WIN_PROBABILITY } from '../../../contracts/crm.js';
import { Client, signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// What the product shipped with before the setting existed, written out (not read from the code under test).
const BEFORE = { new: 10, contacted: 20, qualified: 40, proposal: 60, negotiation: 80, won: 100, lost: 0 };

/** One open lead per value and stage, plus a won and a lost one (never weighted). */
async function seedPipeline(ws: SignedUp): Promise<void> {
  const leads = [
    { status: 'new', estimated_value: 1000 },
    { status: 'contacted', estimated_value: 2000 },
    { status: 'qualified', estimated_value: 500 },
    { status: 'proposal', estimated_value: 4000 },
    { status: 'negotiation', estimated_value: 10_000 },
    { status: 'won', estimated_value: 7000 },
    { status: 'lost', estimated_value: 9000 },
  ];
  for (const lead of leads) {
    const res = await ws.client.post('/api/marketing/leads', { email: uniqueEmail('prob'), ...lead });
    expect(res.statusCode, res.body).toBe(201);
  }
}

const weighted = async (ws: SignedUp) => (await ws.client.get('/api/marketing/leads/stats')).json().weighted_pipeline_value as number;
const dashboardOf = async (ws: SignedUp) =>
  (await ws.client.get('/api/marketing/dashboard?period=30d')).json() as {
    weighted_pipeline_value: number;
    pipeline: { status: string; probability: number }[];
  };

describe('win probability per stage (crm_settings.stage_probabilities)', () => {
  it('defaults to the former fixed probabilities, in settings, stats and dashboard alike', async () => {
    const ws = await signUp(t.app);
    await seedPipeline(ws);
    const settings = (await ws.client.get('/api/marketing/crm-settings')).json();
    expect(settings.stage_probabilities).toEqual(BEFORE);
    for (const [status, p] of Object.entries(STATUS_WIN_PROBABILITY)) expect(settings.stage_probabilities[status]).toBe(p * 100);

    const expected = 1000 * 0.1 + 2000 * 0.2 + 500 * 0.4 + 4000 * 0.6 + 10_000 * 0.8; // 11 100
    expect(await weighted(ws)).toBe(expected);
    const dash = await dashboardOf(ws);
    expect(dash.weighted_pipeline_value).toBe(expected);
    expect(dash.pipeline.map((s) => [s.status, s.probability])).toEqual([
      ['new', 0.1],
      ['contacted', 0.2],
      ['qualified', 0.4],
      ['proposal', 0.6],
      ['negotiation', 0.8],
    ]);
  });

  it('uses the probabilities a workspace saved, only in that workspace; a partial change keeps the other stages', async () => {
    const ws = await signUp(t.app);
    const other = await signUp(t.app);
    await seedPipeline(ws);
    await seedPipeline(other);

    const res = await ws.client.patch('/api/marketing/crm-settings', { stage_probabilities: { new: 5, proposal: 75, negotiation: 95 } });
    expect(res.statusCode, res.body).toBe(200);
    const after = { ...BEFORE, new: 5, proposal: 75, negotiation: 95 };
    expect(res.json().stage_probabilities).toEqual(after);
    expect((await ws.client.get('/api/marketing/crm-settings')).json().stage_probabilities).toEqual(after);

    const expected = 1000 * 0.05 + 2000 * 0.2 + 500 * 0.4 + 4000 * 0.75 + 10_000 * 0.95; // 13 150
    expect(await weighted(ws)).toBe(expected);
    const dash = await dashboardOf(ws);
    expect(dash.weighted_pipeline_value).toBe(expected);
    expect(dash.pipeline.find((s) => s.status === 'proposal')!.probability).toBe(0.75);
    // The other workspace still weighs with the defaults.
    expect(await weighted(other)).toBe(11_100);

    // A second partial change, then an unrelated setting: nothing else moves.
    await ws.client.patch('/api/marketing/crm-settings', { stage_probabilities: { contacted: 0 } });
    await ws.client.patch('/api/marketing/crm-settings', { score_half_life_days: 12 });
    const last = (await ws.client.get('/api/marketing/crm-settings')).json();
    expect(last).toMatchObject({ score_half_life_days: 12, stage_probabilities: { ...after, contacted: 0 } });
    expect(await weighted(ws)).toBe(expected - 2000 * 0.2);

    // Sending back what GET answered (won and lost at their fixed values) is accepted as it is.
    const roundTrip = await ws.client.patch('/api/marketing/crm-settings', { stage_probabilities: last.stage_probabilities });
    expect(roundTrip.statusCode, roundTrip.body).toBe(200);
    expect(roundTrip.json().stage_probabilities).toEqual(last.stage_probabilities);
  });

  it('refuses values outside 0–100, decimals, non-numbers, unknown stages and changes to won or lost, naming the field', async () => {
    const ws = await signUp(t.app);
    const cases: [Record<string, unknown>, string][] = [
      [{ qualified: 101 }, 'body.stage_probabilities.qualified'],
      [{ new: -1 }, 'body.stage_probabilities.new'],
      [{ proposal: 33.5 }, 'body.stage_probabilities.proposal'],
      [{ contacted: '20' }, 'body.stage_probabilities.contacted'],
      [{ negotiation: null }, 'body.stage_probabilities.negotiation'],
      [{ won: 90 }, 'body.stage_probabilities.won'],
      [{ lost: 10 }, 'body.stage_probabilities.lost'],
    ];
    for (const [body, path] of cases) {
      const res = await ws.client.patch('/api/marketing/crm-settings', { stage_probabilities: body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const unknown = await ws.client.patch('/api/marketing/crm-settings', { stage_probabilities: { closing: 50 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toMatch(/^body\.stage_probabilities/);
    const notObject = await ws.client.patch('/api/marketing/crm-settings', { stage_probabilities: [10, 20] });
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json().errors[0].path).toBe('body.stage_probabilities');
    // Nothing was stored by the refused requests.
    expect((await ws.client.get('/api/marketing/crm-settings')).json().stage_probabilities).toEqual(BEFORE);
  });

  it('lets viewers read the probabilities but not change them', async () => {
    const ws = await signUp(t.app);
    await seedPipeline(ws);
    const key = (await ws.client.post('/api/workspace/api-keys', { name: 'lecture', role: 'viewer' })).json().key as string;
    const viewer = new Client(t.app, { bearer: key });
    expect((await viewer.get('/api/marketing/crm-settings')).json().stage_probabilities).toEqual(BEFORE);
    const res = await viewer.patch('/api/marketing/crm-settings', { stage_probabilities: { new: 90 } });
    expect(res.statusCode).toBe(403);
    expect(await weighted(ws)).toBe(11_100);
    expect((await ws.client.get('/api/marketing/crm-settings')).json().stage_probabilities.new).toBe(10);
  });
});
