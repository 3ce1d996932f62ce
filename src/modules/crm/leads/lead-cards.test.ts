import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';

let t: TestContext;
let owner: SignedUp;
beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

type TCard = {
  id: string;
  status: string;
  created_at: string;
  next_task: { id: string; title: string; due_at: string | null } | null;
  stage_entered_at: string;
};

async function listed(status: string): Promise<TCard[]> {
  const res = await owner.client.get(`/api/marketing/leads?status=${status}&limit=200`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

async function lastStatusChange(leadId: string): Promise<string> {
  const events = (await owner.client.get(`/api/marketing/leads/${leadId}/events`)).json() as { event_type: string; occurred_at: string }[];
  return events
    .filter((e) => e.event_type === 'status_changed')
    .map((e) => e.occurred_at)
    .sort()
    .at(-1)!;
}

describe('lead list: what a pipeline card shows', () => {
  it('gives each lead its first open task: earliest due date first, undated after, done ones never', async () => {
    const busy = (await owner.client.post('/api/marketing/leads', { first_name: 'Busy', status: 'contacted' })).json();
    const undated = (await owner.client.post('/api/marketing/leads', { first_name: 'Undated', status: 'contacted' })).json();
    const idle = (await owner.client.post('/api/marketing/leads', { first_name: 'Idle', status: 'contacted' })).json();
    const addTask = async (leadId: string, title: string, due_at: string | null) =>
      (await owner.client.post(`/api/marketing/leads/${leadId}/tasks`, { title, due_at })).json() as { id: string };
    const done = await addTask(busy.id, 'Déjà fait', '2026-11-01T09:00:00.000Z');
    await addTask(busy.id, 'Sans date', null);
    await addTask(busy.id, 'Envoyer le devis', '2026-12-10T09:00:00.000Z');
    const next = await addTask(busy.id, 'Rappeler', '2026-12-05T09:00:00.000Z');
    expect((await owner.client.patch(`/api/marketing/tasks/${done.id}`, { done: true })).statusCode).toBe(200);
    const later = await addTask(undated.id, 'Relancer un jour', null);

    const cards = new Map((await listed('contacted')).map((card) => [card.id, card]));
    expect(cards.get(busy.id)!.next_task).toEqual({ id: next.id, title: 'Rappeler', due_at: '2026-12-05T09:00:00.000Z' });
    expect(cards.get(undated.id)!.next_task).toEqual({ id: later.id, title: 'Relancer un jour', due_at: null });
    expect(cards.get(idle.id)!.next_task).toBeNull();

    // Once the next task is done, the one after it shows.
    await owner.client.patch(`/api/marketing/tasks/${next.id}`, { done: true });
    const after = (await listed('contacted')).find((card) => card.id === busy.id)!;
    expect(after.next_task).toMatchObject({ title: 'Envoyer le devis' });
  });

  it('says when the lead entered its status: its creation, then its last status change (form or bulk action)', async () => {
    const lead = (await owner.client.post('/api/marketing/leads', { first_name: 'Stage' })).json();
    expect((await listed('new')).find((card) => card.id === lead.id)!.stage_entered_at).toBe(lead.created_at);

    await owner.client.patch(`/api/marketing/leads/${lead.id}`, { status: 'qualified' });
    const qualifiedAt = await lastStatusChange(lead.id);
    expect(Date.parse(qualifiedAt)).toBeGreaterThanOrEqual(Date.parse(lead.created_at));
    expect((await listed('qualified')).find((card) => card.id === lead.id)!.stage_entered_at).toBe(qualifiedAt);

    // Other edits do not restart the clock.
    await owner.client.patch(`/api/marketing/leads/${lead.id}`, { company: 'Atelier Durand' });
    expect((await listed('qualified')).find((card) => card.id === lead.id)!.stage_entered_at).toBe(qualifiedAt);

    const bulk = await owner.client.post('/api/marketing/leads/bulk', { action: 'set_status', value: 'proposal', target: { ids: [lead.id] } });
    expect(bulk.statusCode).toBe(200);
    const proposalAt = await lastStatusChange(lead.id);
    expect(proposalAt).not.toBe(qualifiedAt);
    expect((await listed('proposal')).find((card) => card.id === lead.id)!.stage_entered_at).toBe(proposalAt);
  });

  it('leaves single-lead answers as they were (the card fields are the list’s)', async () => {
    const lead = (await owner.client.post('/api/marketing/leads', { first_name: 'Single' })).json();
    const one = (await owner.client.get(`/api/marketing/leads/${lead.id}`)).json();
    expect(one).not.toHaveProperty('next_task');
    expect(one).not.toHaveProperty('stage_entered_at');
  });
});
