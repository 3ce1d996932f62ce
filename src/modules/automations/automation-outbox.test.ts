import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type TestContext } from '../../../test/harness.js';
import { multipartBody } from '../../../test/multipart.js';
import type { TAutomation, TAutomationRun } from '../../contracts/crm-automations.js';
import type { TLead } from '../../contracts/crm.js';
import { Tenant } from '../../platform/db/tenant.js';
import { decayScoresJob, dispatchLeadEventsJob, publishLeadEvents, recordLeadEvent, rescoreLeadJob } from '../crm/index.js';
import { leadEventOutbox, scoringRules } from '../crm/tables.js';
import { dispatchAutomationsJob } from './automations.jobs.js';

// Lead events reach automations from the transactional outbox (lead_event_outbox), whatever wrote them.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A workspace with a "score crosses 50" automation tagging the lead `chaud`. */
async function hotWorkspace() {
  const ws = await signUp(t.app);
  const res = await ws.client.post('/api/marketing/automations', {
    name: 'Chaud',
    trigger: { type: 'score_crossed', threshold: 50 },
    actions: [{ type: 'add_tag', params: { tag: 'chaud' } }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const automation = res.json() as TAutomation;
  const lead = async (body: object = {}): Promise<TLead> => {
    const created = await ws.client.post('/api/marketing/leads', { first_name: 'Léa', email: uniqueEmail('hot'), ...body });
    expect(created.statusCode, created.body).toBe(201);
    return created.json();
  };
  const get = async (id: string): Promise<TLead> => (await ws.client.get(`/api/marketing/leads/${id}`)).json();
  const runs = async (): Promise<TAutomationRun[]> => (await ws.client.get(`/api/marketing/automations/${automation.id}/runs`)).json();
  const fitRule = async (condition: object, points = 60) => {
    const rule = await ws.client.post('/api/marketing/scoring-rules', { name: 'Fit', kind: 'fit', condition, points });
    expect(rule.statusCode, rule.body).toBe(201);
  };
  return { ws, automation, lead, get, runs, fitRule };
}

describe('score_crossed when scores change in the background', () => {
  it('fires after a bulk action changes the score', async () => {
    const w = await hotWorkspace();
    await w.fitRule({ field: 'tags', operator: 'contains', value: 'vip' });
    const lead = await w.lead();
    await t.drain();
    expect((await w.get(lead.id)).score).toBe(0);
    const bulk = await w.ws.client.post('/api/marketing/leads/bulk', { action: 'add_tag', value: 'vip', target: { ids: [lead.id] } });
    expect(bulk.statusCode, bulk.body).toBe(200);
    await t.drain();
    expect((await w.get(lead.id)).score).toBe(60);
    expect(await w.runs()).toHaveLength(1);
    expect((await w.get(lead.id)).tags).toEqual(['vip', 'chaud']);
  });

  it('fires after a rule change rescores the workspace', async () => {
    const w = await hotWorkspace();
    const lead = await w.lead({ job_title: 'Directrice' });
    await t.drain();
    await w.fitRule({ field: 'job_title', operator: 'contains', value: 'direct' });
    await t.drain();
    expect((await w.get(lead.id)).score).toBe(60);
    const runs = await w.runs();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.trigger_event).toMatchObject({ event_type: 'score_changed', data: { from: 0, to: 60 } });
  });

  it('fires after an import scores the imported leads', async () => {
    const w = await hotWorkspace();
    await w.fitRule({ field: 'company', operator: 'contains', value: 'café' });
    const body = multipartBody(
      { mapping: JSON.stringify({ 'E-mail': 'email', Société: 'company' }), on_duplicate: 'skip' },
      { fileName: 'l.csv', content: 'E-mail;Société\ncafe@exemple.fr;Grand Café\nlivre@exemple.fr;Librairie\n' },
    );
    const res = await w.ws.client.request({ method: 'POST', url: '/api/marketing/leads/import', payload: body.payload, headers: body.headers });
    expect(res.statusCode, res.body).toBe(202);
    await t.drain();
    const runs = await w.runs();
    expect(runs).toHaveLength(1);
    const tagged = (await w.ws.client.get('/api/marketing/leads?q=cafe@exemple.fr')).json() as { items: TLead[] };
    expect(tagged.items[0]).toMatchObject({ score: 60, tags: ['chaud'] });
  });

  it('fires after events recorded by another module are rescored by the debounced job', async () => {
    const w = await hotWorkspace();
    const rule = await w.ws.client.post('/api/marketing/scoring-rules', { name: 'Clic', kind: 'event', event_type: 'email_clicked', points: 30 });
    expect(rule.statusCode, rule.body).toBe(201);
    const lead = await w.lead();
    await t.drain();
    const tenant = new Tenant(t.runtime.db, w.ws.workspaceId);
    // Append-only, like the email module's clicks: nothing rescored yet.
    await publishLeadEvents(t.runtime, async () => {
      await recordLeadEvent(tenant, { leadId: lead.id, type: 'email_clicked' });
      await recordLeadEvent(tenant, { leadId: lead.id, type: 'email_clicked' });
    });
    await t.drain();
    expect((await w.get(lead.id)).score).toBe(0);
    // A few seconds later the lead's one rescore runs; its score_changed starts the automation.
    await t.runtime.db.execute(sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${rescoreLeadJob.name} AND state = 'created'`);
    await t.drain();
    expect((await w.get(lead.id)).score).toBe(60);
    const runs = await w.runs();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.trigger_event).toMatchObject({ event_type: 'score_changed', data: { from: 0, to: 60 } });
    expect((await w.get(lead.id)).tags).toEqual(['chaud']);
  });

  it('fires after the nightly decay job rescores the workspace', async () => {
    const w = await hotWorkspace();
    const lead = await w.lead({ company: 'Boulangerie' });
    await t.drain();
    // A rule written without the route (so nothing queued a recalculation): only the nightly job rescores.
    await t.runtime.db.insert(scoringRules).values({
      workspace_id: w.ws.workspaceId,
      name: 'Boulangeries',
      kind: 'fit',
      condition: { field: 'company', operator: 'contains', value: 'boulang' },
      points: 60,
    });
    await decayScoresJob.handler({}, t.runtime);
    await t.drain();
    expect((await w.get(lead.id)).score).toBe(60);
    expect(await w.runs()).toHaveLength(1);
  });
});

describe('the lead-event outbox', () => {
  it('dispatches an event whose writer never published it (the minute sweep)', async () => {
    const w = await hotWorkspace();
    const note = await w.ws.client.post('/api/marketing/automations', {
      name: 'Ouvert',
      trigger: { type: 'email_opened' },
      actions: [{ type: 'add_tag', params: { tag: 'ouvert' } }],
    });
    const lead = await w.lead();
    await t.drain();
    // Written outside publishLeadEvents: no nudge, the event waits in the outbox.
    const eventId = await recordLeadEvent(new Tenant(t.runtime.db, w.ws.workspaceId), { leadId: lead.id, type: 'email_opened' });
    await t.drain();
    expect(await t.runtime.db.select().from(leadEventOutbox).where(eq(leadEventOutbox.event_id, eventId))).toHaveLength(1);
    expect((await w.get(lead.id)).tags).toEqual([]);
    await dispatchLeadEventsJob.handler({}, t.runtime); // what the cron runs every minute
    await t.drain();
    expect(await t.runtime.db.select().from(leadEventOutbox).where(eq(leadEventOutbox.event_id, eventId))).toHaveLength(0);
    expect((await w.get(lead.id)).tags).toEqual(['ouvert']);
    expect((await w.ws.client.get(`/api/marketing/automations/${(note.json() as TAutomation).id}/runs`)).json()).toHaveLength(1);
  });
});

describe('automation claims', () => {
  it('calls a webhook once when two dispatches of the same event run at the same time', async () => {
    let calls = 0;
    const server: Server = createServer((req, res) => {
      calls++;
      req.resume();
      req.on('end', () => setTimeout(() => res.end('ok'), 50));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const ws = await signUp(t.app);
      const created = await ws.client.post('/api/marketing/automations', {
        name: 'Hook',
        trigger: { type: 'email_clicked' },
        actions: [{ type: 'call_webhook', params: { url } }],
      });
      expect(created.statusCode, created.body).toBe(201);
      const lead = (await ws.client.post('/api/marketing/leads', { email: uniqueEmail('claim') })).json() as TLead;
      await t.drain();
      const eventId = await recordLeadEvent(new Tenant(t.runtime.db, ws.workspaceId), { leadId: lead.id, type: 'email_clicked' });
      const payload = { event_ids: [eventId], depth: 0, chain: [] };
      // Two deliveries of one job at once (a retry racing a slow first attempt, or two worker processes).
      await Promise.all([dispatchAutomationsJob.handler(payload, t.runtime), dispatchAutomationsJob.handler(payload, t.runtime)]);
      expect(calls).toBe(1);
      const runs = (await ws.client.get(`/api/marketing/automations/${(created.json() as TAutomation).id}/runs`)).json() as TAutomationRun[];
      expect(runs).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
