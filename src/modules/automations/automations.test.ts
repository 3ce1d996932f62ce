import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../test/harness.js';
import type { TAutomation, TAutomationRun } from '../../contracts/crm-automations.js';
import type { TLead } from '../../contracts/crm.js';
import { Tenant } from '../../platform/db/tenant.js';
import { dispatchAutomationsJob } from './automations.jobs.js';
import { publishLeadEvents, recordLeadEvent } from '../crm/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A workspace of its own per test, so automations of one test never fire in another. */
async function workspace() {
  const ws = await signUp(t.app);
  const api = {
    ws,
    automation: async (body: object): Promise<TAutomation> => {
      const res = await ws.client.post('/api/marketing/automations', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    },
    lead: async (body: object = {}): Promise<TLead> => {
      const res = await ws.client.post('/api/marketing/leads', { first_name: 'Léa', email: uniqueEmail('lead'), ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    },
    patch: async (id: string, body: object): Promise<TLead> => (await ws.client.patch(`/api/marketing/leads/${id}`, body)).json(),
    get: async (id: string): Promise<TLead> => (await ws.client.get(`/api/marketing/leads/${id}`)).json(),
    runs: async (id: string): Promise<TAutomationRun[]> => (await ws.client.get(`/api/marketing/automations/${id}/runs`)).json(),
  };
  return api;
}

/** Records an event the way the funnels and email modules will (recordLeadEvent inside publishLeadEvents). */
function moduleEvent(ws: SignedUp, leadId: string, type: string, data: Record<string, unknown> = {}) {
  return publishLeadEvents(t.runtime, () => recordLeadEvent(new Tenant(t.runtime.db, ws.workspaceId), { leadId, type, data }));
}

type THook = { url: string; received: { body: Record<string, unknown>; headers: IncomingHttpHeaders }[]; close(): Promise<void> };

/** A real HTTP server on 127.0.0.1 answering every POST with `status`. */
async function hookServer(status: number): Promise<THook> {
  const received: THook['received'] = [];
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => {
      received.push({ body: JSON.parse(data) as Record<string, unknown>, headers: req.headers });
      res.statusCode = status;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('automation triggers', () => {
  it('runs on lead creation in the background, then logs the run with each action', async () => {
    const w = await workspace();
    const automation = await w.automation({
      name: 'Bienvenue',
      trigger: { type: 'lead_created' },
      actions: [
        { type: 'add_tag', params: { tag: 'bienvenue' } },
        { type: 'set_status', params: { status: 'contacted' } },
        { type: 'add_note', params: { subject: 'Accueil', content: 'Lead accueilli automatiquement' } },
      ],
    });
    expect(automation).toMatchObject({ active: true, conditions: null, last_runs: [] });
    const lead = await w.lead();
    // The API answered before the automation ran.
    expect(lead.tags).toEqual([]);
    expect(await w.runs(automation.id)).toEqual([]);

    await t.drain();
    expect(await w.get(lead.id)).toMatchObject({ tags: ['bienvenue'], status: 'contacted' });
    const notes = (await w.ws.client.get(`/api/marketing/leads/${lead.id}/interactions`)).json();
    expect(notes).toMatchObject([{ interaction_type: 'note', subject: 'Accueil', content: 'Lead accueilli automatiquement', author_id: null }]);
    const [run] = await w.runs(automation.id);
    expect(run).toMatchObject({ lead_id: lead.id, lead_name: 'Léa', status: 'succeeded', depth: 0, error: null, trigger_event: { event_type: 'created' } });
    expect(run!.steps.map((s) => [s.type, s.status, s.detail])).toEqual([
      ['add_tag', 'succeeded', 'bienvenue'],
      ['set_status', 'succeeded', 'contacted'],
      ['add_note', 'succeeded', notes[0].id],
    ]);
    const listed = (await w.ws.client.get('/api/marketing/automations')).json();
    expect(listed[0].last_runs).toMatchObject([{ id: run!.id, status: 'succeeded' }]);
  });

  it('runs on a status change, only to the chosen status when one is set', async () => {
    const w = await workspace();
    const toQualified = await w.automation({
      name: 'Qualifié',
      trigger: { type: 'status_changed', status: 'qualified' },
      actions: [{ type: 'add_tag', params: { tag: 'chaud' } }],
    });
    const anyChange = await w.automation({
      name: 'Tout changement',
      trigger: { type: 'status_changed' },
      actions: [{ type: 'add_tag', params: { tag: 'bouge' } }],
    });
    const lead = await w.lead();
    await w.patch(lead.id, { status: 'contacted' });
    await t.drain();
    expect((await w.get(lead.id)).tags).toEqual(['bouge']);
    await w.patch(lead.id, { status: 'qualified' });
    await t.drain();
    expect((await w.get(lead.id)).tags).toEqual(['bouge', 'chaud']);
    expect(await w.runs(toQualified.id)).toHaveLength(1);
    expect(await w.runs(anyChange.id)).toHaveLength(2);
  });

  it('runs when a tag is added, by an edit or a bulk action, only for the chosen tag', async () => {
    const w = await workspace();
    const vip = await w.automation({
      name: 'VIP',
      trigger: { type: 'tag_added', tag: 'vip' },
      actions: [{ type: 'assign_owner', params: { owner_id: w.ws.userId } }],
    });
    const first = await w.lead({ tags: ['ancien'] });
    await w.patch(first.id, { tags: ['ancien', 'salon'] });
    await t.drain();
    expect((await w.get(first.id)).owner_id).toBeNull();
    await w.patch(first.id, { tags: ['ancien', 'salon', 'vip'] });
    await t.drain();
    expect((await w.get(first.id)).owner_id).toBe(w.ws.userId);
    // Removing a tag adds none.
    await w.patch(first.id, { tags: ['vip'] });

    const second = await w.lead();
    const bulk = await w.ws.client.post('/api/marketing/leads/bulk', { action: 'add_tag', value: 'vip', target: { ids: [second.id] } });
    expect(bulk.statusCode, bulk.body).toBe(200);
    await t.drain();
    expect((await w.get(second.id)).owner_id).toBe(w.ws.userId);
    const runs = await w.runs(vip.id);
    expect(runs.map((r) => r.trigger_event.event_type).sort()).toEqual(['field_changed', 'tag_added']);
  });

  it('runs when the score crosses the threshold upward, not when it stays above or falls', async () => {
    const w = await workspace();
    const rule = await w.ws.client.post('/api/marketing/scoring-rules', { name: 'Interaction', kind: 'event', event_type: 'interaction_added', points: 30 });
    expect(rule.statusCode, rule.body).toBe(201);
    await t.drain();
    const hot = await w.automation({
      name: 'Chaud',
      trigger: { type: 'score_crossed', threshold: 50 },
      actions: [{ type: 'add_tag', params: { tag: 'chaud' } }],
    });
    const lead = await w.lead();
    const interact = () => w.ws.client.post(`/api/marketing/leads/${lead.id}/interactions`, { interaction_type: 'call', subject: 'Appel' });
    await interact(); // 0 -> 30
    await t.drain();
    expect(await w.runs(hot.id)).toEqual([]);
    await interact(); // 30 -> 60: crosses 50
    await interact(); // 60 -> 90: already above
    await t.drain();
    expect((await w.get(lead.id)).score).toBe(90);
    const runs = await w.runs(hot.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.trigger_event).toMatchObject({ event_type: 'score_changed', data: { from: 30, to: 60 } });
    expect((await w.get(lead.id)).tags).toEqual(['chaud']);
  });

  it('runs on form submissions and email opens and clicks recorded by other modules', async () => {
    const w = await workspace();
    const ids: Record<string, string> = {};
    for (const type of ['form_submitted', 'email_opened', 'email_clicked']) {
      ids[type] = (await w.automation({ name: type, trigger: { type }, actions: [{ type: 'add_tag', params: { tag: type } }] })).id;
    }
    const lead = await w.lead();
    await moduleEvent(w.ws, lead.id, 'email_opened', { campaign_id: 'c1' });
    await moduleEvent(w.ws, lead.id, 'form_submitted', { form_id: 'f1' });
    await t.drain();
    expect((await w.get(lead.id)).tags.sort()).toEqual(['email_opened', 'form_submitted']);
    await moduleEvent(w.ws, lead.id, 'email_clicked');
    await t.drain();
    expect((await w.get(lead.id)).tags.sort()).toEqual(['email_clicked', 'email_opened', 'form_submitted']);
    expect((await w.runs(ids.email_opened!))[0]!.trigger_event.data).toEqual({ campaign_id: 'c1' });
  });
});

describe('conditions and activation', () => {
  it('acts only on leads matching the conditions and logs the others as skipped', async () => {
    const w = await workspace();
    const automation = await w.automation({
      name: 'Acme seulement',
      trigger: { type: 'lead_created' },
      conditions: { op: 'and', rules: [{ field: 'company', operator: 'eq', value: 'Acme' }] },
      actions: [{ type: 'add_tag', params: { tag: 'acme' } }],
    });
    const acme = await w.lead({ company: 'Acme' });
    const other = await w.lead({ company: 'Globex' });
    await t.drain();
    expect((await w.get(acme.id)).tags).toEqual(['acme']);
    expect((await w.get(other.id)).tags).toEqual([]);
    const runs = await w.runs(automation.id);
    expect(runs.find((r) => r.lead_id === other.id)).toMatchObject({ status: 'skipped', skip_reason: 'conditions_not_met', steps: [] });
    expect(runs.find((r) => r.lead_id === acme.id)).toMatchObject({ status: 'succeeded', skip_reason: null });
  });

  it('does not run while switched off, and runs again once switched back on', async () => {
    const w = await workspace();
    const automation = await w.automation({ name: 'Marquer', trigger: { type: 'lead_created' }, actions: [{ type: 'add_tag', params: { tag: 'vu' } }] });
    const off = await w.ws.client.patch(`/api/marketing/automations/${automation.id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false, name: 'Marquer' });
    const unseen = await w.lead();
    await t.drain();
    expect((await w.get(unseen.id)).tags).toEqual([]);
    expect(await w.runs(automation.id)).toEqual([]);
    await w.ws.client.patch(`/api/marketing/automations/${automation.id}`, { active: true });
    const seen = await w.lead();
    await t.drain();
    expect((await w.get(seen.id)).tags).toEqual(['vu']);
  });

  it('deletes an automation with its run log', async () => {
    const w = await workspace();
    const automation = await w.automation({ name: 'Éphémère', trigger: { type: 'lead_created' }, actions: [{ type: 'add_tag', params: { tag: 'x' } }] });
    await w.lead();
    await t.drain();
    expect((await w.ws.client.delete(`/api/marketing/automations/${automation.id}`)).statusCode).toBe(204);
    expect((await w.ws.client.get(`/api/marketing/automations/${automation.id}`)).statusCode).toBe(404);
    expect((await w.ws.client.get(`/api/marketing/automations/${automation.id}/runs`)).statusCode).toBe(404);
    const { rows } = await t.runtime.database.raw.query('SELECT count(*)::int AS n FROM automation_runs WHERE automation_id = $1', [automation.id]);
    expect(rows[0]).toEqual({ n: 0 });
  });
});

describe('actions', () => {
  it('removes a tag, assigns an owner and adds a task due in n days to a member', async () => {
    const w = await workspace();
    const automation = await w.automation({
      name: 'Suivi',
      trigger: { type: 'status_changed', status: 'proposal' },
      actions: [
        { type: 'remove_tag', params: { tag: 'froid' } },
        { type: 'assign_owner', params: { owner_id: w.ws.userId } },
        { type: 'add_task', params: { title: 'Relancer la proposition', due_in_days: 3, assignee_id: w.ws.userId } },
      ],
    });
    const lead = await w.lead({ tags: ['froid', 'salon'] });
    await w.patch(lead.id, { status: 'proposal' });
    await t.drain();
    expect(await w.get(lead.id)).toMatchObject({ tags: ['salon'], owner_id: w.ws.userId });
    const tasks = (await w.ws.client.get(`/api/marketing/leads/${lead.id}/tasks`)).json();
    expect(tasks).toMatchObject([{ title: 'Relancer la proposition', assignee_id: w.ws.userId, done: false }]);
    const dueInDays = (Date.parse(tasks[0].due_at) - Date.now()) / 86_400_000;
    expect(dueInDays).toBeGreaterThan(2.9);
    expect(dueInDays).toBeLessThan(3.1);
    expect((await w.runs(automation.id))[0]!.steps.every((s) => s.status === 'succeeded')).toBe(true);
  });

  it('fails the run when an owner left the workspace, and skips the actions after it', async () => {
    const w = await workspace();
    const invitee = uniqueEmail('member');
    await w.ws.client.post('/api/workspace/invitations', { email: invitee, role: 'member' });
    await t.drain();
    const mail = (await w.ws.client.get('/api/workspace/outbox')).json().items.find((m: { to_address: string }) => m.to_address === invitee);
    const token = /\/invitations\/([\w-]+)/.exec(mail.text_body)![1];
    const member = (await new Client(t.app).post(`/api/invitations/${token}/accept`, { name: 'Membre', password: 'correct horse battery' })).json();
    const memberId: string = member.user.id;
    const automation = await w.automation({
      name: 'Attribuer',
      trigger: { type: 'lead_created' },
      actions: [
        { type: 'assign_owner', params: { owner_id: memberId } },
        { type: 'add_tag', params: { tag: 'attribué' } },
      ],
    });
    const membership = (await w.ws.client.get('/api/workspace/members')).json().find((m: { user_id: string }) => m.user_id === memberId);
    expect((await w.ws.client.delete(`/api/workspace/members/${membership.id}`)).statusCode).toBe(204);
    const lead = await w.lead();
    await t.drain();
    const [run] = await w.runs(automation.id);
    expect(run).toMatchObject({ status: 'failed', error: 'The owner must be a member of this workspace' });
    expect(run!.steps.map((s) => s.status)).toEqual(['failed', 'skipped']);
    expect((await w.get(lead.id)).tags).toEqual([]);
  });

  it('posts the lead and the trigger to a webhook and logs the status code', async () => {
    const hook = await hookServer(200);
    const failing = await hookServer(500);
    try {
      const w = await workspace();
      const ok = await w.automation({
        name: 'Zapier',
        trigger: { type: 'status_changed', status: 'won' },
        actions: [{ type: 'call_webhook', params: { url: hook.url } }],
      });
      const ko = await w.automation({
        name: 'Cassé',
        trigger: { type: 'status_changed', status: 'won' },
        actions: [
          { type: 'call_webhook', params: { url: failing.url } },
          { type: 'add_tag', params: { tag: 'jamais' } },
        ],
      });
      const lead = await w.lead({ company: 'Acme', estimated_value: 1200 });
      await w.patch(lead.id, { status: 'won' });
      await t.drain();

      expect(hook.received).toHaveLength(1);
      const { body, headers } = hook.received[0]!;
      expect(headers['content-type']).toBe('application/json');
      expect(body).toMatchObject({
        automation: { id: ok.id, name: 'Zapier' },
        trigger: { type: 'status_changed', status: 'won', event: { event_type: 'status_changed', data: { from: 'new', to: 'won' } } },
        lead: { id: lead.id, email: lead.email, company: 'Acme', status: 'won', estimated_value: 1200 },
      });
      expect((await w.runs(ok.id))[0]).toMatchObject({ status: 'succeeded', steps: [{ type: 'call_webhook', status: 'succeeded', status_code: 200 }] });
      const [failed] = await w.runs(ko.id);
      expect(failed).toMatchObject({ status: 'failed', error: 'the URL answered HTTP 500' });
      expect(failed!.steps).toMatchObject([
        { type: 'call_webhook', status: 'failed', status_code: 500 },
        { type: 'add_tag', status: 'skipped' },
      ]);
      expect((await w.get(lead.id)).tags).toEqual([]);
    } finally {
      await hook.close();
      await failing.close();
    }
  });

  it('logs a webhook nobody answers as failed', async () => {
    const closed = await hookServer(200);
    await closed.close(); // nothing listens on that port any more
    const w = await workspace();
    const automation = await w.automation({
      name: 'Fermé',
      trigger: { type: 'lead_created' },
      actions: [{ type: 'call_webhook', params: { url: closed.url } }],
    });
    await w.lead();
    await t.drain();
    const [run] = await w.runs(automation.id);
    expect(run).toMatchObject({ status: 'failed', steps: [{ status: 'failed', status_code: null }] });
    expect(run!.error).toMatch(/ECONNREFUSED/);
  });

  it('refuses private addresses when WEBHOOK_ALLOW_PRIVATE_ADDRESSES is off (the production default)', async () => {
    const hook = await hookServer(200);
    const strict = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false' });
    try {
      const ws = await signUp(strict.app);
      const port = new URL(hook.url).port;
      for (const url of [hook.url, `http://localhost:${port}/hook`]) {
        const created = await ws.client.post('/api/marketing/automations', {
          name: url,
          trigger: { type: 'lead_created' },
          actions: [{ type: 'call_webhook', params: { url } }],
        });
        expect(created.statusCode).toBe(201);
      }
      await ws.client.post('/api/marketing/leads', { first_name: 'Interne' });
      await strict.drain();
      const automations: TAutomation[] = (await ws.client.get('/api/marketing/automations')).json();
      for (const automation of automations) {
        const [run] = (await ws.client.get(`/api/marketing/automations/${automation.id}/runs`)).json() as TAutomationRun[];
        expect(run).toMatchObject({ status: 'failed' });
        expect(run!.error).toMatch(/private address/);
      }
      expect(hook.received).toHaveLength(0);
    } finally {
      await strict.close();
      await hook.close();
    }
  });
});

describe('loop protection', () => {
  it('stops a ping-pong between two automations and says why in the log', async () => {
    const w = await workspace();
    const a = await w.automation({
      name: 'A',
      trigger: { type: 'status_changed', status: 'qualified' },
      actions: [{ type: 'set_status', params: { status: 'proposal' } }],
    });
    const b = await w.automation({
      name: 'B',
      trigger: { type: 'status_changed', status: 'proposal' },
      actions: [{ type: 'set_status', params: { status: 'qualified' } }],
    });
    const lead = await w.lead();
    await w.patch(lead.id, { status: 'qualified' });
    await t.drain();

    // Person: qualified -> A: proposal -> B: qualified -> A would run again on its own chain: skipped.
    expect((await w.get(lead.id)).status).toBe('qualified');
    const runsA = await w.runs(a.id);
    const runsB = await w.runs(b.id);
    expect(runsB).toMatchObject([{ status: 'succeeded', depth: 1 }]);
    expect(runsA.map((r) => [r.status, r.depth, r.skip_reason])).toEqual([
      ['skipped', 2, 'loop'],
      ['succeeded', 0, null],
    ]);
    expect(runsA[0]!.error).toMatch(/loop guard/);
    const events = (await w.ws.client.get(`/api/marketing/leads/${lead.id}/events`)).json();
    expect(events.filter((e: { event_type: string }) => e.event_type === 'status_changed')).toHaveLength(3);
  });

  it('stops a chain of different automations at depth 5', async () => {
    const w = await workspace();
    const chain: TAutomation[] = [];
    for (let i = 0; i < 6; i++) {
      chain.push(
        await w.automation({ name: `t${i}`, trigger: { type: 'tag_added', tag: `t${i}` }, actions: [{ type: 'add_tag', params: { tag: `t${i + 1}` } }] }),
      );
    }
    const lead = await w.lead();
    await w.patch(lead.id, { tags: ['t0'] });
    await t.drain();
    expect((await w.get(lead.id)).tags).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
    const last = await w.runs(chain[5]!.id);
    expect(last).toMatchObject([{ status: 'skipped', skip_reason: 'depth_limit', depth: 5 }]);
    for (const [depth, automation] of chain.slice(0, 5).entries()) expect(await w.runs(automation.id)).toMatchObject([{ status: 'succeeded', depth }]);
  });

  it('runs an automation once per event even if the job is delivered twice', async () => {
    const w = await workspace();
    const automation = await w.automation({
      name: 'Note',
      trigger: { type: 'email_opened' },
      actions: [{ type: 'add_note', params: { content: 'A ouvert' } }],
    });
    const lead = await w.lead();
    const eventId = await moduleEvent(w.ws, lead.id, 'email_opened');
    await t.drain();
    await dispatchAutomationsJob.handler({ event_ids: [eventId], depth: 0, chain: [] }, t.runtime);
    expect(await w.runs(automation.id)).toHaveLength(1);
    expect((await w.ws.client.get(`/api/marketing/leads/${lead.id}/interactions`)).json()).toHaveLength(1);
  });
});

describe('validation and access', () => {
  it('names the bad field and saves nothing', async () => {
    const w = await workspace();
    const stranger = await signUp(t.app);
    const base = { name: 'Test', trigger: { type: 'lead_created' } };
    const bad = async (body: object) => {
      const res = await w.ws.client.post('/api/marketing/automations', { ...base, ...body });
      expect(res.statusCode, res.body).toBe(400);
      return res.json() as { detail: string; errors: { path: string; message: string }[] };
    };
    expect((await bad({ actions: [{ type: 'set_status', params: { status: 'maybe' } }] })).errors[0]!.path).toBe('body.actions.0.params.status');
    expect(
      (
        await bad({
          actions: [
            { type: 'add_tag', params: { tag: 'ok' } },
            { type: 'call_webhook', params: { url: 'ftp://example.com/x' } },
          ],
        })
      ).errors[0],
    ).toMatchObject({
      path: 'body.actions.1.params.url',
      message: 'must be an http:// or https:// URL',
    });
    expect((await bad({ actions: [{ type: 'add_tag', params: {} }] })).errors[0]!.path).toBe('body.actions.0.params.tag');
    expect((await bad({ actions: [] })).errors[0]!.path).toBe('body.actions');
    expect((await bad({ actions: [{ type: 'teleport', params: {} }] })).errors[0]!.path).toBe('body.actions.0.type');
    expect((await bad({ trigger: { type: 'score_crossed' }, actions: [{ type: 'add_tag', params: { tag: 'x' } }] })).errors[0]!.path).toBe(
      'body.trigger.threshold',
    );
    expect((await bad({ trigger: { type: 'status_changed', status: 'maybe' }, actions: [{ type: 'add_tag', params: { tag: 'x' } }] })).errors[0]!.path).toBe(
      'body.trigger.status',
    );
    expect((await bad({ actions: [{ type: 'enroll_in_sequence', params: {} }] })).errors[0]!.path).toBe('body.actions.0.params.sequence_id');
    expect((await bad({ actions: [{ type: 'send_email', params: {} }] })).errors[0]!.path).toBe('body.actions.0.params.campaign_id');
    const conditions = await bad({
      conditions: { op: 'and', rules: [{ field: 'favourite_colour', operator: 'eq', value: 'blue' }] },
      actions: [{ type: 'add_tag', params: { tag: 'x' } }],
    });
    expect(conditions.errors[0]!.path).toMatch(/^body\.conditions\.rules\.0/);
    const owner = await bad({
      actions: [
        { type: 'add_tag', params: { tag: 'x' } },
        { type: 'assign_owner', params: { owner_id: stranger.userId } },
      ],
    });
    expect(owner.errors).toEqual([{ path: 'body.actions.1.params.owner_id', message: 'not a member of this workspace', code: 'not_member' }]);
    expect((await bad({ actions: [{ type: 'add_task', params: { title: 'x', assignee_id: stranger.userId } }] })).errors[0]!.path).toBe(
      'body.actions.0.params.assignee_id',
    );
    expect((await w.ws.client.get('/api/marketing/automations')).json()).toEqual([]);

    const created = await w.automation({ ...base, actions: [{ type: 'add_tag', params: { tag: 'x' } }] });
    const patch = await w.ws.client.patch(`/api/marketing/automations/${created.id}`, { actions: [{ type: 'call_webhook', params: { url: 'not a url' } }] });
    expect(patch.json().errors[0].path).toBe('body.actions.0.params.url');
    expect((await w.ws.client.get(`/api/marketing/automations/${created.id}`)).json().actions).toEqual([{ type: 'add_tag', params: { tag: 'x' } }]);
  });

  it('lets viewers read automations and their runs but not change them', async () => {
    const w = await workspace();
    const automation = await w.automation({ name: 'Lecture', trigger: { type: 'lead_created' }, actions: [{ type: 'add_tag', params: { tag: 'x' } }] });
    const key = (await w.ws.client.post('/api/workspace/api-keys', { name: 'Lecteur', role: 'viewer' })).json().key as string;
    const viewer = new Client(t.app, { bearer: key });
    expect((await viewer.get('/api/marketing/automations')).json()).toHaveLength(1);
    expect((await viewer.get(`/api/marketing/automations/${automation.id}/runs`)).statusCode).toBe(200);
    expect((await viewer.patch(`/api/marketing/automations/${automation.id}`, { active: false })).statusCode).toBe(403);
    expect(
      (
        await viewer.post('/api/marketing/automations', {
          name: 'Non',
          trigger: { type: 'lead_created' },
          actions: [{ type: 'add_tag', params: { tag: 'x' } }],
        })
      ).statusCode,
    ).toBe(403);
    expect((await viewer.delete(`/api/marketing/automations/${automation.id}`)).statusCode).toBe(403);
  });
});
