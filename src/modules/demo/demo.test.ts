import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, type TestContext } from '../../../test/harness.js';

// "Charger les données de démo" from an empty workspace: all of the demo or nothing, once, by an admin.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const leadCount = async (client: Client) => (await client.get('/api/marketing/leads/count')).json().count as number;

describe('loading the demo data into a workspace', () => {
  it('fills an empty workspace once, keeping its own fields and rules, and refuses a second load with a reason', async () => {
    const ws = await signUp(t.app);
    // The workspace's own setup, made before: kept, and the demo's field of the same key is not added twice.
    expect((await ws.client.post('/api/marketing/custom-fields', { key: 'secteur', label: 'Mon secteur', field_type: 'text' })).statusCode).toBe(201);
    const loaded = await ws.client.post('/api/workspace/demo-data');
    expect(loaded.statusCode, loaded.body).toBe(201);
    expect(loaded.json()).toEqual({ leads: 240 });
    expect(await leadCount(ws.client)).toBe(240);
    const fields = (await ws.client.get('/api/marketing/custom-fields')).json() as { key: string; label: string }[];
    expect(fields.filter((f) => f.key === 'secteur')).toEqual([expect.objectContaining({ label: 'Mon secteur' })]);
    expect(fields.length).toBeGreaterThan(1);
    expect(((await ws.client.get('/api/marketing/segments')).json() as unknown[]).length).toBeGreaterThan(0);
    // Scores come from the demo's rules.
    const scored = (await ws.client.get('/api/marketing/leads?limit=50&sort=score')).json().items as { score: number }[];
    expect(scored[0]!.score).toBeGreaterThan(0);

    const again = await ws.client.post('/api/workspace/demo-data');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ reason: 'demo_needs_empty' });
    expect(await leadCount(ws.client)).toBe(240);
  });

  it('is for admins, signed in: members and API keys are refused and nothing is written', async () => {
    const ws = await signUp(t.app);
    const memberKey = (await ws.client.post('/api/workspace/api-keys', { name: 'membre', role: 'member' })).json().key as string;
    const member = new Client(t.app, { bearer: memberKey });
    expect((await member.post('/api/workspace/demo-data')).statusCode).toBe(403);
    const adminKey = (await ws.client.post('/api/workspace/api-keys', { name: 'admin', role: 'admin' })).json().key as string;
    const refused = await new Client(t.app, { bearer: adminKey }).post('/api/workspace/demo-data');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ reason: 'session_only' });
    expect(await leadCount(ws.client)).toBe(0);
  });

  // Two clicks at once on PostgreSQL (two connections): loaded once.
  it.runIf(process.env.TEST_DB === 'postgres')('loads once when two requests arrive together', async () => {
    const ws = await signUp(t.app);
    const answers = await Promise.all([ws.client.post('/api/workspace/demo-data'), ws.client.post('/api/workspace/demo-data')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await leadCount(ws.client)).toBe(240);
  });
});
