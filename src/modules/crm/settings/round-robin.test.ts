import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { DEFAULT_STAGE_PROBABILITIES } from '../../../contracts/crm-scoring.js';
import { nextRoundRobinOwner } from './round-robin.service.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Invites someone into the workspace and has them accept; returns their user id. */
async function addMember(ws: SignedUp, name: string): Promise<string> {
  const email = uniqueEmail('rr');
  await ws.client.post('/api/workspace/invitations', { email, role: 'member' });
  await t.drain();
  const outbox = (await ws.client.get('/api/workspace/outbox')).json() as { items: { to_address: string; text_body: string }[] };
  const token = /\/invitations\/([\w-]+)/.exec(outbox.items.find((m) => m.to_address === email)!.text_body)![1];
  await new Client(t.app).post(`/api/invitations/${token}/accept`, { name, password: PASSWORD });
  const members = (await ws.client.get('/api/workspace/members')).json() as { user_id: string; name: string }[];
  return members.find((m) => m.name === name)!.user_id;
}

async function newLeadOwner(ws: SignedUp, body: Record<string, unknown> = {}): Promise<string | null> {
  const res = await ws.client.post('/api/marketing/leads', { email: uniqueEmail('rr-lead'), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().owner_id;
}

describe('round-robin assignment', () => {
  it('gives new leads without an owner to each member in turn, and leaves chosen owners alone', async () => {
    const ws = await signUp(t.app);
    const bruno = await addMember(ws, 'Bruno');
    const chloe = await addMember(ws, 'Chloé');
    // Off by default: nobody is assigned.
    expect(await newLeadOwner(ws)).toBeNull();

    const res = await ws.client.patch('/api/marketing/crm-settings', { round_robin_enabled: true, round_robin_member_ids: [ws.userId, bruno, chloe] });
    expect(res.json()).toEqual({
      score_half_life_days: 30,
      round_robin_enabled: true,
      round_robin_member_ids: [ws.userId, bruno, chloe],
      stage_probabilities: DEFAULT_STAGE_PROBABILITIES,
    });
    const owners = [];
    for (let i = 0; i < 6; i++) owners.push(await newLeadOwner(ws));
    expect(owners).toEqual([ws.userId, bruno, chloe, ws.userId, bruno, chloe]);
    // An owner given on creation wins and takes no turn.
    expect(await newLeadOwner(ws, { owner_id: chloe })).toBe(chloe);
    expect(await newLeadOwner(ws)).toBe(ws.userId);

    await ws.client.patch('/api/marketing/crm-settings', { round_robin_enabled: false });
    expect(await newLeadOwner(ws)).toBeNull();
  });

  it('never gives two concurrent leads the same slot', async () => {
    const ws = await signUp(t.app);
    const bruno = await addMember(ws, 'Bruno');
    await ws.client.patch('/api/marketing/crm-settings', { round_robin_enabled: true, round_robin_member_ids: [ws.userId, bruno] });
    const owners = await Promise.all(Array.from({ length: 8 }, () => newLeadOwner(ws)));
    expect(owners.filter((o) => o === ws.userId)).toHaveLength(4);
    expect(owners.filter((o) => o === bruno)).toHaveLength(4);
    const { rows } = await t.runtime.database.raw.query<{ round_robin_counter: number }>(
      'SELECT round_robin_counter FROM crm_settings WHERE workspace_id = $1',
      [ws.workspaceId],
    );
    expect(rows[0]!.round_robin_counter).toBe(8);
  });

  it('skips members who left the workspace', async () => {
    const ws = await signUp(t.app);
    const bruno = await addMember(ws, 'Bruno');
    const chloe = await addMember(ws, 'Chloé');
    await ws.client.patch('/api/marketing/crm-settings', { round_robin_enabled: true, round_robin_member_ids: [bruno, chloe] });
    const members = (await ws.client.get('/api/workspace/members')).json() as { id: string; user_id: string }[];
    expect((await ws.client.delete(`/api/workspace/members/${members.find((m) => m.user_id === bruno)!.id}`)).statusCode).toBe(204);
    expect([await newLeadOwner(ws), await newLeadOwner(ws), await newLeadOwner(ws)]).toEqual([chloe, chloe, chloe]);

    // With everyone in the rotation gone, leads stay unassigned (the import helper gets null too).
    const members2 = (await ws.client.get('/api/workspace/members')).json() as { id: string; user_id: string }[];
    await ws.client.delete(`/api/workspace/members/${members2.find((m) => m.user_id === chloe)!.id}`);
    expect(await newLeadOwner(ws)).toBeNull();
    expect(await nextRoundRobinOwner(t.runtime.db, ws.workspaceId)).toBeNull();
  });
});
