import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { addLeadTask } from '../index.js';
import { BULK_ANALYZE_MIN_ROWS } from './lead-bulk.service.js';

// The Contacts table and the lead page through HTTP: bulk actions, saved views, tasks, the
// workspace's interactions and the merged timeline.

let t: TestContext;
let owner: SignedUp;
beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

type TLeadWire = { id: string; status: string; tags: string[]; owner_id: string | null; lost_reason: string | null };

async function addLeads(ws: SignedUp, bodies: object[]): Promise<TLeadWire[]> {
  const created: TLeadWire[] = [];
  for (const body of bodies) created.push((await ws.client.post('/api/marketing/leads', body)).json());
  return created;
}

const read = async (ws: SignedUp, id: string): Promise<TLeadWire> => (await ws.client.get(`/api/marketing/leads/${id}`)).json();
const eventsOf = async (ws: SignedUp, id: string) =>
  (await ws.client.get(`/api/marketing/leads/${id}/events`)).json() as { event_type: string; data: Record<string, unknown> }[];

describe('bulk actions', () => {
  it('changes status, tags and owner of the selected leads, logging one event per changed lead', async () => {
    const ws = await signUp(t.app);
    const [a, b, c] = await addLeads(ws, [{ first_name: 'A', tags: ['vip'] }, { first_name: 'B' }, { first_name: 'C', status: 'qualified' }]);
    const bulk = (body: object) => ws.client.post('/api/marketing/leads/bulk', body);

    const status = await bulk({ action: 'set_status', value: 'qualified', target: { ids: [a!.id, b!.id, c!.id] } });
    expect(status.statusCode).toBe(200);
    // C already was qualified: it is neither counted nor logged.
    expect(status.json()).toEqual({ affected: 2 });
    expect((await read(ws, a!.id)).status).toBe('qualified');
    expect((await eventsOf(ws, a!.id)).find((e) => e.event_type === 'status_changed')?.data).toMatchObject({ from: 'new', to: 'qualified' });
    expect((await eventsOf(ws, c!.id)).filter((e) => e.event_type === 'status_changed')).toHaveLength(0);

    expect((await bulk({ action: 'add_tag', value: 'vip', target: { ids: [a!.id, b!.id] } })).json()).toEqual({ affected: 1 });
    expect((await read(ws, b!.id)).tags).toEqual(['vip']);
    expect((await read(ws, a!.id)).tags).toEqual(['vip']);
    expect((await eventsOf(ws, b!.id)).find((e) => e.event_type === 'tag_added')?.data).toEqual({ tag: 'vip' });

    expect((await bulk({ action: 'remove_tag', value: 'vip', target: { ids: [a!.id, b!.id, c!.id] } })).json()).toEqual({ affected: 2 });
    expect((await read(ws, a!.id)).tags).toEqual([]);
    expect((await eventsOf(ws, a!.id)).some((e) => e.event_type === 'tag_removed')).toBe(true);

    expect((await bulk({ action: 'set_owner', value: ws.userId, target: { ids: [a!.id, c!.id] } })).json()).toEqual({ affected: 2 });
    expect((await read(ws, c!.id)).owner_id).toBe(ws.userId);
    expect((await bulk({ action: 'set_owner', value: null, target: { ids: [a!.id] } })).json()).toEqual({ affected: 1 });
    expect((await read(ws, a!.id)).owner_id).toBeNull();

    expect((await bulk({ action: 'set_status', value: 'lost', lost_reason: 'Budget', target: { ids: [b!.id] } })).json()).toEqual({ affected: 1 });
    expect((await read(ws, b!.id)).lost_reason).toBe('Budget');

    expect((await bulk({ action: 'delete', target: { ids: [a!.id, b!.id] } })).json()).toEqual({ affected: 2 });
    expect((await ws.client.get(`/api/marketing/leads/${a!.id}`)).statusCode).toBe(404);
    expect((await ws.client.get(`/api/marketing/leads/${c!.id}`)).statusCode).toBe(200);
  });

  it('targets every lead matching a filter (search, status, rules)', async () => {
    const ws = await signUp(t.app);
    await addLeads(ws, [
      { first_name: 'Won1', status: 'won', company: 'Acme' },
      { first_name: 'Won2', status: 'won', company: 'Globex' },
      { first_name: 'New1', status: 'new', company: 'Acme' },
    ]);
    const bulk = (body: object) => ws.client.post('/api/marketing/leads/bulk', body);
    expect((await bulk({ action: 'add_tag', value: 'client', target: { filter: { status: 'won' } } })).json()).toEqual({ affected: 2 });
    const rules = { op: 'and', rules: [{ field: 'company', operator: 'eq', value: 'Acme' }] };
    expect((await bulk({ action: 'add_tag', value: 'acme', target: { filter: { rules } } })).json()).toEqual({ affected: 2 });
    const list = (await ws.client.get('/api/marketing/leads?limit=10')).json().items as { first_name: string; tags: string[] }[];
    const tagsOf = (name: string) => list.find((l) => l.first_name === name)!.tags.sort();
    expect(tagsOf('Won1')).toEqual(['acme', 'client']);
    expect(tagsOf('Won2')).toEqual(['client']);
    expect(tagsOf('New1')).toEqual(['acme']);
    const count = async (query: string) => (await ws.client.get(`/api/marketing/leads/count?${query}`)).json().count as number;
    expect(await count('')).toBe(3);
    expect(await count('status=won')).toBe(2);
    expect(await count(`rules=${encodeURIComponent(JSON.stringify({ op: 'and', rules: [{ field: 'tags', operator: 'contains', value: 'acme' }] }))}`)).toBe(2);
    expect((await bulk({ action: 'delete', target: { filter: { q: 'globex' } } })).json()).toEqual({ affected: 1 });
    expect(await count('')).toBe(2);
    const bad = await bulk({
      action: 'add_tag',
      value: 'x',
      target: { filter: { rules: { op: 'and', rules: [{ field: 'shoe_size', operator: 'eq', value: 1 }] } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/^body\.target\.filter\.rules/);
  });

  it('starts automations for each lead a bulk action changed, and recalculates scores', async () => {
    const ws = await signUp(t.app);
    const automation = {
      name: 'Qualifié → tâche',
      trigger: { type: 'status_changed', status: 'qualified' },
      actions: [{ type: 'add_task', params: { title: 'Appeler sous 24 h' } }],
    };
    expect((await ws.client.post('/api/marketing/automations', automation)).statusCode).toBe(201);
    const onTag = {
      name: 'Tag vip → négociation',
      trigger: { type: 'tag_added', tag: 'vip' },
      actions: [{ type: 'set_status', params: { status: 'negotiation' } }],
    };
    expect((await ws.client.post('/api/marketing/automations', onTag)).statusCode).toBe(201);
    expect(
      (
        await ws.client.post('/api/marketing/scoring-rules', {
          name: 'VIP',
          kind: 'fit',
          condition: { field: 'tags', operator: 'contains', value: 'gold' },
          points: 15,
        })
      ).statusCode,
    ).toBe(201);
    const [a, b] = await addLeads(ws, [{ first_name: 'A' }, { first_name: 'B' }]);
    await t.drain();

    await ws.client.post('/api/marketing/leads/bulk', { action: 'set_status', value: 'qualified', target: { ids: [a!.id, b!.id] } });
    await ws.client.post('/api/marketing/leads/bulk', { action: 'add_tag', value: 'vip', target: { ids: [b!.id] } });
    await ws.client.post('/api/marketing/leads/bulk', { action: 'add_tag', value: 'gold', target: { ids: [a!.id] } });
    await t.drain();
    for (const lead of [a!, b!]) {
      expect((await ws.client.get(`/api/marketing/leads/${lead.id}/tasks`)).json().map((x: { title: string }) => x.title)).toEqual(['Appeler sous 24 h']);
    }
    expect((await read(ws, b!.id)).status).toBe('negotiation');
    expect((await read(ws, a!.id)).status).toBe('qualified');
    expect(((await read(ws, a!.id)) as unknown as { score: number }).score).toBe(15);
  });

  it('refreshes the planner statistics of leads and events after a large action (no autovacuum on PGlite)', async () => {
    const ws = await signUp(t.app);
    const raw = t.runtime.database.raw;
    await raw.query(`INSERT INTO leads (workspace_id, first_name) SELECT $1, 'Bulk ' || g FROM generate_series(1, $2::int) g`, [
      ws.workspaceId,
      BULK_ANALYZE_MIN_ROWS,
    ]);
    const lastAnalyze = async () => {
      await raw.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await raw.query<{ at: string | null }>(`SELECT last_analyze::text AS at FROM pg_stat_user_tables WHERE relname = 'lead_events'`);
      return rows[0]?.at ?? null;
    };
    const before = await lastAnalyze();
    const res = await ws.client.post('/api/marketing/leads/bulk', { action: 'add_tag', value: 'bulk', target: { filter: {} } });
    expect(res.json()).toEqual({ affected: BULK_ANALYZE_MIN_ROWS });
    const after = await lastAnalyze();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
  });

  it('names the bad field and changes nothing on a refused request', async () => {
    const ws = await signUp(t.app);
    const [lead] = await addLeads(ws, [{ first_name: 'Solo' }]);
    const target = { ids: [lead!.id] };
    const pathOf = async (body: object) => {
      const res = await ws.client.post('/api/marketing/leads/bulk', body);
      expect(res.statusCode).toBe(400);
      return res.json().errors[0].path as string;
    };
    expect(await pathOf({ action: 'explode', target })).toBe('body.action');
    expect(await pathOf({ action: 'add_tag', target })).toBe('body.value');
    expect(await pathOf({ action: 'set_status', value: 'maybe', target })).toBe('body.value');
    expect(await pathOf({ action: 'set_status', value: 'won', lost_reason: 'x', target })).toBe('body.lost_reason');
    const stranger = await signUp(t.app);
    expect(await pathOf({ action: 'set_owner', value: stranger.userId, target })).toBe('body.value');
    const tooMany = Array.from({ length: 10_001 }, () => lead!.id);
    expect(await pathOf({ action: 'delete', target: { ids: tooMany } })).toMatch(/^body\.target/);
    expect(await pathOf({ action: 'delete', target: { ids: ['not-an-id'] } })).toMatch(/^body\.target/);
    expect(await read(ws, lead!.id)).toMatchObject({ status: 'new', owner_id: null });
  });

  it("never touches another workspace's leads and keeps viewers out", async () => {
    const ws = await signUp(t.app);
    const [mine] = await addLeads(owner, [{ first_name: 'Mine' }]);
    expect((await ws.client.post('/api/marketing/leads/bulk', { action: 'delete', target: { ids: [mine!.id] } })).json()).toEqual({ affected: 0 });
    expect((await ws.client.post('/api/marketing/leads/bulk', { action: 'delete', target: { filter: {} } })).json()).toEqual({ affected: 0 });
    expect((await owner.client.get(`/api/marketing/leads/${mine!.id}`)).statusCode).toBe(200);
    const key = (await owner.client.post('/api/workspace/api-keys', { name: 'ro', role: 'viewer' })).json().key;
    const viewer = new Client(t.app, { bearer: key });
    expect((await viewer.post('/api/marketing/leads/bulk', { action: 'delete', target: { ids: [mine!.id] } })).statusCode).toBe(403);
  });
});

describe('saved views', () => {
  it('saves, lists, renames and deletes a Contacts view', async () => {
    const ws = await signUp(t.app);
    const config = {
      columns: ['name', 'email', 'score', 'custom.budget'],
      filter: { status: 'qualified', rules: { op: 'and', rules: [{ field: 'score', operator: 'gte', value: 50 }] } },
      sort: 'score',
    };
    const created = await ws.client.post('/api/marketing/saved-views', { name: 'Chauds', config });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Chauds', config, created_by: ws.userId });
    const id = created.json().id as string;
    expect((await ws.client.get('/api/marketing/saved-views')).json().map((v: { name: string }) => v.name)).toEqual(['Chauds']);
    expect((await ws.client.patch(`/api/marketing/saved-views/${id}`, { name: 'Très chauds' })).json()).toMatchObject({ name: 'Très chauds', config });
    expect((await ws.client.delete(`/api/marketing/saved-views/${id}`)).statusCode).toBe(204);
    expect((await ws.client.get('/api/marketing/saved-views')).json()).toEqual([]);
  });

  it('refuses a nameless view and an unknown sort', async () => {
    const res = await owner.client.post('/api/marketing/saved-views', { name: ' ', config: { columns: [] } });
    expect(res.json().errors[0].path).toBe('body.name');
    const sort = await owner.client.post('/api/marketing/saved-views', { name: 'x', config: { columns: [], sort: 'shoe_size' } });
    expect(sort.json().errors[0].path).toBe('body.config.sort');
  });
});

describe('tasks', () => {
  it('adds, lists, ticks off and deletes a task, with timeline events', async () => {
    const [lead] = await addLeads(owner, [{ first_name: 'Tâche' }]);
    const due = '2026-12-01T09:00:00.000Z';
    const created = await owner.client.post(`/api/marketing/leads/${lead!.id}/tasks`, { title: 'Rappeler', due_at: due, assignee_id: owner.userId });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ title: 'Rappeler', due_at: due, assignee_id: owner.userId, done: false, done_at: null });
    const task = created.json() as { id: string };
    await owner.client.post(`/api/marketing/leads/${lead!.id}/tasks`, { title: 'Envoyer le devis' });

    const done = (await owner.client.patch(`/api/marketing/tasks/${task.id}`, { done: true })).json();
    expect(done.done).toBe(true);
    expect(Date.parse(done.done_at)).toBeGreaterThan(Date.now() - 60_000);
    // Open tasks come first.
    expect((await owner.client.get(`/api/marketing/leads/${lead!.id}/tasks`)).json().map((x: { title: string }) => x.title)).toEqual([
      'Envoyer le devis',
      'Rappeler',
    ]);
    expect((await owner.client.patch(`/api/marketing/tasks/${task.id}`, { done: false })).json()).toMatchObject({ done: false, done_at: null });

    const types = (await eventsOf(owner, lead!.id)).map((e) => e.event_type);
    expect(types.filter((x) => x === 'task_added')).toHaveLength(2);
    expect(types).toContain('task_completed');

    expect((await owner.client.delete(`/api/marketing/tasks/${task.id}`)).statusCode).toBe(204);
    expect((await owner.client.get(`/api/marketing/leads/${lead!.id}/tasks`)).json()).toHaveLength(1);
  });

  it('refuses an assignee from outside and an empty title, naming the field', async () => {
    const [lead] = await addLeads(owner, [{ first_name: 'Refus' }]);
    const stranger = await signUp(t.app);
    const res = await owner.client.post(`/api/marketing/leads/${lead!.id}/tasks`, { title: 'x', assignee_id: stranger.userId });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.assignee_id');
    expect((await owner.client.post(`/api/marketing/leads/${lead!.id}/tasks`, { title: '' })).json().errors[0].path).toBe('body.title');
    expect((await owner.client.get(`/api/marketing/leads/${lead!.id}/tasks`)).json()).toEqual([]);
  });

  it('lets an automation add a task through addLeadTask', async () => {
    const [lead] = await addLeads(owner, [{ first_name: 'Auto', email: uniqueEmail('auto') }]);
    const task = await addLeadTask(t.runtime.db, {
      workspaceId: owner.workspaceId,
      leadId: lead!.id,
      title: 'Relancer sous 48 h',
      dueAt: new Date('2026-12-03T10:00:00Z'),
    });
    expect(task.title).toBe('Relancer sous 48 h');
    expect((await owner.client.get(`/api/marketing/leads/${lead!.id}/tasks`)).json()[0]).toMatchObject({
      title: 'Relancer sous 48 h',
      due_at: '2026-12-03T10:00:00.000Z',
    });
    const other = await signUp(t.app);
    await expect(addLeadTask(t.runtime.db, { workspaceId: other.workspaceId, leadId: lead!.id, title: 'x' })).rejects.toThrow(/not found/);
  });
});

describe('interactions and timeline', () => {
  it("lists the workspace's interactions newest first, with the lead's name, filters and cursor pages", async () => {
    const ws = await signUp(t.app);
    const [paul, marie] = await addLeads(ws, [{ first_name: 'Paul', last_name: 'Roux' }, { email: 'marie@example.com' }]);
    const log = (leadId: string, type: string, day: number) =>
      ws.client.post(`/api/marketing/leads/${leadId}/interactions`, {
        interaction_type: type,
        subject: `${type}-${day}`,
        occurred_at: `2026-10-${String(day).padStart(2, '0')}T10:00:00.000Z`,
      });
    await log(paul!.id, 'call', 1);
    await log(marie!.id, 'email', 2);
    await log(paul!.id, 'call', 3);
    await log(marie!.id, 'note', 4);
    await log(paul!.id, 'meeting', 5);

    const all = (await ws.client.get('/api/marketing/interactions')).json();
    expect(all.items.map((i: { subject: string }) => i.subject)).toEqual(['meeting-5', 'note-4', 'call-3', 'email-2', 'call-1']);
    expect(all.items[0].lead_name).toBe('Paul Roux');
    expect(all.items[1].lead_name).toBe('marie@example.com');
    const calls = (await ws.client.get('/api/marketing/interactions?interaction_type=call')).json();
    expect(calls.items.map((i: { subject: string }) => i.subject)).toEqual(['call-3', 'call-1']);
    expect((await ws.client.get(`/api/marketing/interactions?author_id=${ws.userId}`)).json().items).toHaveLength(5);
    expect((await ws.client.get(`/api/marketing/interactions?author_id=${owner.userId}`)).json().items).toHaveLength(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { subject: string }[]; next_cursor: string | null } = (
        await ws.client.get(`/api/marketing/interactions?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.subject));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['meeting-5', 'note-4', 'call-3', 'email-2', 'call-1']);
    expect((await ws.client.get('/api/marketing/interactions?cursor=garbage')).json().errors[0].path).toBe('querystring.cursor');
    expect((await ws.client.get('/api/marketing/interactions?interaction_type=fax')).json().errors[0].path).toBe('querystring.interaction_type');
  });

  it('merges interactions and events into one newest-first timeline, paged without gaps', async () => {
    const [lead] = await addLeads(owner, [{ first_name: 'Chrono' }]);
    await owner.client.patch(`/api/marketing/leads/${lead!.id}`, { status: 'qualified' });
    await owner.client.post(`/api/marketing/leads/${lead!.id}/interactions`, { interaction_type: 'call', subject: 'Appel découverte' });
    await owner.client.post(`/api/marketing/leads/${lead!.id}/tasks`, { title: 'Envoyer la proposition' });
    await owner.client.post(`/api/marketing/leads/${lead!.id}/interactions`, {
      interaction_type: 'note',
      content: 'Budget validé',
      occurred_at: '2020-01-01T00:00:00.000Z',
    });

    const timeline = (await owner.client.get(`/api/marketing/leads/${lead!.id}/timeline`)).json();
    const summary = timeline.items.map((i: { kind: string; event_type?: string; interaction_type?: string }) =>
      i.kind === 'event' ? i.event_type : i.interaction_type,
    );
    // interaction_added events are left out: the interaction itself is there. The backdated note is last.
    expect(summary).toEqual(['task_added', 'call', 'status_changed', 'created', 'note']);
    expect(timeline.items[2]).toMatchObject({ kind: 'event', data: { from: 'new', to: 'qualified' } });
    expect(timeline.next_cursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; next_cursor: string | null } = (
        await owner.client.get(`/api/marketing/leads/${lead!.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(timeline.items.map((i: { id: string }) => i.id));
  });
});
