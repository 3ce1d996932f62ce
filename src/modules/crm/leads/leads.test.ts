import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';

let t: TestContext;
let owner: SignedUp;
beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

describe('leads', () => {
  it('keeps consent (source, time, IP) and the unsubscribed state', async () => {
    const created = await owner.client.post('/api/marketing/leads', {
      email: uniqueEmail('consent'),
      consent_source: 'Formulaire webinar du 12 novembre',
      consent_at: '2026-11-12T09:30:00+01:00',
      consent_ip: '203.0.113.7',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      consent_source: 'Formulaire webinar du 12 novembre',
      consent_at: '2026-11-12T08:30:00.000Z',
      consent_ip: '203.0.113.7',
      unsubscribed_at: null,
    });
    const unsubscribed = await owner.client.patch(`/api/marketing/leads/${created.json().id}`, { unsubscribed_at: '2026-11-20T10:00:00Z' });
    expect(unsubscribed.json().unsubscribed_at).toBe('2026-11-20T10:00:00.000Z');
    const badIp = await owner.client.post('/api/marketing/leads', { email: uniqueEmail('consent-bad'), consent_ip: '999.1.1.1' });
    expect(badIp.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.consent_ip']);
  });

  it('creates, reads, updates and deletes a lead with the spec fields', async () => {
    const email = uniqueEmail('Lead');
    const created = await owner.client.post('/api/marketing/leads', {
      first_name: 'Éloïse',
      last_name: 'Martin',
      email,
      phone: '+33 6 12 34 56 78',
      company: 'Boulangerie Martin',
      job_title: 'Directrice',
      source: 'webinar',
      estimated_value: 1490,
      tags: ['vip', 'vip', 'webinar'],
      owner_id: owner.userId,
    });
    expect(created.statusCode).toBe(201);
    const lead = created.json();
    expect(lead).toMatchObject({ email: email.toLowerCase(), status: 'new', score: 0, estimated_value: 1490, tags: ['vip', 'webinar'], custom_fields: {} });

    const updated = await owner.client.patch(`/api/marketing/leads/${lead.id}`, { status: 'qualified', company: 'Martin & Fils' });
    expect(updated.json()).toMatchObject({ status: 'qualified', company: 'Martin & Fils' });
    const events = (await owner.client.get(`/api/marketing/leads/${lead.id}/events`)).json();
    expect(events.map((e: { event_type: string }) => e.event_type).sort()).toEqual(['created', 'field_changed', 'status_changed']);
    expect(events.find((e: { event_type: string }) => e.event_type === 'status_changed').data).toMatchObject({ from: 'new', to: 'qualified' });

    expect((await owner.client.delete(`/api/marketing/leads/${lead.id}`)).statusCode).toBe(204);
    expect((await owner.client.get(`/api/marketing/leads/${lead.id}`)).statusCode).toBe(404);
  });

  it('refuses a duplicate email in any case with 409 and the existing id', async () => {
    const email = uniqueEmail();
    const first = (await owner.client.post('/api/marketing/leads', { email })).json();
    const dup = await owner.client.post('/api/marketing/leads', { email: email.toUpperCase() });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().existing_id).toBe(first.id);
    // Another workspace may hold the same email.
    const other = await signUp(t.app);
    expect((await other.client.post('/api/marketing/leads', { email })).statusCode).toBe(201);
  });

  it('names the bad field: email, phone, status, unknown field, foreign owner', async () => {
    const bad = async (body: object) => (await owner.client.post('/api/marketing/leads', body)).json();
    expect((await bad({ email: 'nope' })).errors[0].path).toBe('body.email');
    expect((await bad({ phone: 'call me' })).errors[0].path).toBe('body.phone');
    expect((await bad({ status: 'maybe' })).errors[0].path).toBe('body.status');
    expect((await bad({ favourite_colour: 'blue' })).status).toBe(400);
    const stranger = await signUp(t.app);
    expect((await bad({ first_name: 'Anne', owner_id: stranger.userId })).errors[0].path).toBe('body.owner_id');
  });

  it('refuses a lead with nothing to call it by (no first name, last name, company or email), naming the fields', async () => {
    const ws = await signUp(t.app);
    for (const body of [{}, { status: 'won', estimated_value: 100 }, { first_name: '  ', email: null }]) {
      const res = await ws.client.post('/api/marketing/leads', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.first_name', 'body.email']);
    }
    expect((await ws.client.get('/api/marketing/leads')).json().items).toHaveLength(0);
    for (const body of [{ last_name: 'Durand' }, { email: 'a@exemple.fr' }, { company: 'Acme' }])
      expect((await ws.client.post('/api/marketing/leads', body)).statusCode).toBe(201);
  });

  it('searches, filters by status and pages with a cursor without gaps or repeats', async () => {
    const ws = await signUp(t.app);
    for (let i = 0; i < 7; i++) {
      await ws.client.post('/api/marketing/leads', {
        first_name: `Prénom${i}`,
        last_name: 'Durand',
        company: i % 2 ? 'Acme' : 'Globex',
        status: i < 3 ? 'won' : 'new',
      });
    }
    const search = (await ws.client.get('/api/marketing/leads?q=acme')).json();
    expect(search.items).toHaveLength(3);
    expect((await ws.client.get('/api/marketing/leads?q=' + encodeURIComponent('Prénom2 Durand'))).json().items).toHaveLength(1);
    expect((await ws.client.get('/api/marketing/leads?status=won')).json().items).toHaveLength(3);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; next_cursor: string | null } = (
        await ws.client.get(`/api/marketing/leads?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((l: { id: string }) => l.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect((await ws.client.get('/api/marketing/leads?cursor=garbage')).statusCode).toBe(400);
  });

  it("gives the board every column's first page in one request, whose cursors continue on the list", async () => {
    const ws = await signUp(t.app);
    for (let i = 0; i < 5; i++) await ws.client.post('/api/marketing/leads', { first_name: `Carte${i}`, status: i < 3 ? 'proposal' : 'won' });
    const board = (await ws.client.get('/api/marketing/leads/board?limit=2')).json();
    expect(board.columns.map((c: { status: string }) => c.status)).toEqual(['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
    const proposal = board.columns.find((c: { status: string }) => c.status === 'proposal');
    expect(proposal.items.map((l: { first_name: string }) => l.first_name)).toEqual(['Carte2', 'Carte1']);
    expect(proposal.items[0]).toHaveProperty('stage_entered_at');
    const rest = (await ws.client.get(`/api/marketing/leads?status=proposal&limit=2&cursor=${proposal.next_cursor}`)).json();
    expect(rest.items.map((l: { first_name: string }) => l.first_name)).toEqual(['Carte0']);
    expect(rest.next_cursor).toBeNull();
    const won = board.columns.find((c: { status: string }) => c.status === 'won');
    expect(won.items).toHaveLength(2);
    expect(won.next_cursor).toBeNull();
    expect(board.columns.find((c: { status: string }) => c.status === 'new').items).toEqual([]);
    expect((await ws.client.get('/api/marketing/leads/board?limit=500')).statusCode).toBe(400);
  });

  it('gives leads and their events time-ordered ids (UUIDv7), so new rows land at the end of each index', async () => {
    const ws = await signUp(t.app);
    const first = (await ws.client.post('/api/marketing/leads', { first_name: 'Premier' })).json();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = (await ws.client.post('/api/marketing/leads', { first_name: 'Second' })).json();
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(first.id).toMatch(v7);
    expect(second.id).toMatch(v7);
    // The first 48 bits are the creation time in milliseconds.
    const millis = (id: string) => parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(millis(second.id)).toBeGreaterThan(millis(first.id));
    expect(Math.abs(millis(first.id) - Date.parse(first.created_at))).toBeLessThan(1000);
    const events = (await ws.client.get(`/api/marketing/leads/${first.id}/timeline`)).json();
    expect(events.items[0].id).toMatch(v7);
  });

  it('keeps viewers read-only', async () => {
    const key = (await owner.client.post('/api/workspace/api-keys', { name: 'ro', role: 'viewer' })).json().key;
    const { Client } = await import('../../../../test/harness.js');
    const viewer = new Client(t.app, { bearer: key });
    expect((await viewer.get('/api/marketing/leads')).statusCode).toBe(200);
    expect((await viewer.post('/api/marketing/leads', { first_name: 'x' })).statusCode).toBe(403);
  });

  it('logs interactions and puts them on the timeline', async () => {
    const lead = (await owner.client.post('/api/marketing/leads', { first_name: 'Paul' })).json();
    const at = '2026-11-12T10:00:00.000Z';
    const res = await owner.client.post(`/api/marketing/leads/${lead.id}/interactions`, {
      interaction_type: 'meeting',
      subject: 'Démo',
      content: 'Intéressé par l’offre annuelle',
      metadata: { duration_minutes: 30 },
      occurred_at: at,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ interaction_type: 'meeting', author_id: owner.userId, occurred_at: at, metadata: { duration_minutes: 30 } });
    expect((await owner.client.post(`/api/marketing/leads/${lead.id}/interactions`, { interaction_type: 'fax' })).json().errors[0].path).toBe(
      'body.interaction_type',
    );
    const list = (await owner.client.get(`/api/marketing/leads/${lead.id}/interactions`)).json();
    expect(list).toHaveLength(1);
    const events = (await owner.client.get(`/api/marketing/leads/${lead.id}/events`)).json();
    // The event is dated when the interaction happened (engagement scoring decays from then).
    expect(events.find((e: { event_type: string }) => e.event_type === 'interaction_added')).toMatchObject({
      data: { interaction_type: 'meeting', subject: 'Démo' },
      occurred_at: at,
    });
  });

  it('computes the CRM statistics', async () => {
    const ws = await signUp(t.app);
    const add = async (body: object) => (await ws.client.post('/api/marketing/leads', { company: 'Acme', ...body })).json();
    await add({ status: 'new', estimated_value: 1000 });
    await add({ status: 'proposal', estimated_value: 2000 });
    const winner = await add({ status: 'negotiation', estimated_value: 3000 });
    await ws.client.patch(`/api/marketing/leads/${winner.id}`, { status: 'won' });
    await add({ status: 'lost', estimated_value: 500, lost_reason: 'budget' });
    await add({ status: 'lost' });
    const stats = (await ws.client.get('/api/marketing/leads/stats')).json();
    expect(stats.total_leads).toBe(5);
    expect(stats.by_status.find((s: { status: string }) => s.status === 'won')).toEqual({ status: 'won', count: 1, total_value: 3000 });
    expect(stats.pipeline_value).toBe(3000);
    expect(stats.weighted_pipeline_value).toBe(1000 * 0.1 + 2000 * 0.6);
    expect(stats.conversion_rate).toBeCloseTo(1 / 3, 3);
    expect(stats.average_days_to_win).toBe(0);
    expect(stats.average_lead_value).toBe(1625);
    const empty = (await (await signUp(t.app)).client.get('/api/marketing/leads/stats')).json();
    expect(empty).toMatchObject({ total_leads: 0, conversion_rate: null, average_days_to_win: null, average_lead_value: null });
  });
});
