import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture } from '../../../../test/smtp-capture.js';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { runDueSteps } from './sequence-engine.js';
import { enrollLead } from './sequence-enrollments.service.js';
import { getSequence } from './sequences.service.js';

// Sequences end to end against a real SMTP server on loopback, moved through time by the clock the tests pass to the
// step worker (no sleeping through waits): steps, waits, branches, exits, send windows across time zones, entry by
// an automation and by a segment, live edits, re-entry, and (PostgreSQL) two workers at once.

const capture = await startSmtpCapture();
const received = capture.received;
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp({ SMTP_URL: capture.url, PUBLIC_URL: 'https://pages.example.test' });
});
afterAll(async () => {
  await t.close();
  await capture.close();
});

const BASE = '/api/marketing/sequences';
const HTML = (title: string) =>
  `<h1>${title} {{ lead.first_name }}</h1><p><a href="https://atelier.example.fr/guide">Le guide</a></p><p>{{ workspace.postal_address }} · <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>`;
/** A Monday, 10:00 UTC (11:00 in Paris), well after the real time: the tests' clock starts here. */
const T0 = new Date('2027-01-04T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const DAY = 24 * 60;

function mailsTo(address: string): ParsedMail[] {
  return received.filter((r) => r.to === address).map((r) => r.mail);
}

async function workspace(leads: Record<string, unknown>[]) {
  const ws = await signUp(t.app);
  expect((await ws.client.patch('/api/workspace', { legal_name: 'Atelier SAS', postal_address: '12 rue des Lilas, 75011 Paris' })).statusCode).toBe(200);
  const ids: string[] = [];
  for (const lead of leads) {
    const res = await ws.client.post('/api/marketing/leads', lead);
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  return { ws, ids };
}

/** A new email of the sequence with a subject and content ready to send. */
async function email(ws: SignedUp, sequenceId: string, subject: string): Promise<string> {
  const created = await ws.client.post(`${BASE}/${sequenceId}/emails`, { name: subject });
  expect(created.statusCode, created.body).toBe(201);
  expect(created.json().sequence_id).toBe(sequenceId);
  const id = created.json().id as string;
  const saved = await ws.client.patch(`/api/marketing/email-campaigns/${id}`, { subject, html_content: HTML(subject) });
  expect(saved.statusCode, saved.body).toBe(200);
  return id;
}

/** A sequence built by `steps(emails)` from emails with these subjects, activated. */
async function sequence(ws: SignedUp, subjects: string[], steps: (emails: string[]) => unknown[], extra: Record<string, unknown> = {}) {
  const created = await ws.client.post(BASE, { name: 'Bienvenue', ...extra });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const emails: string[] = [];
  for (const subject of subjects) emails.push(await email(ws, id, subject));
  const saved = await ws.client.patch(`${BASE}/${id}`, { steps: steps(emails) });
  expect(saved.statusCode, saved.body).toBe(200);
  const active = await ws.client.post(`${BASE}/${id}/activate`, {});
  expect(active.statusCode, active.body).toBe(200);
  expect(active.json().status).toBe('active');
  return id;
}

async function enrollments(ws: SignedUp, id: string) {
  return (await ws.client.get(`${BASE}/${id}/enrollments`)).json().items as {
    lead_id: string;
    state: string;
    step_id: string | null;
    exit_reason: string | null;
    due_at: string | null;
  }[];
}

/** The step worker at `now`, then the queued senders (and lead-event subscribers). */
async function stepsAt(now: Date): Promise<number> {
  const moved = await runDueSteps(t.runtime, { now, budgetMs: 30_000 });
  await t.drain();
  return moved;
}

const person = { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)' };

function publicPath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

describe('sequences', () => {
  it('sends a first email, waits two days, then follows the branch of who clicked', async () => {
    const tag = Date.now().toString(36);
    const [clicker, silent] = [`clic-${tag}@exemple.fr`, `muet-${tag}@exemple.fr`];
    const { ws, ids } = await workspace([
      { first_name: 'Clara', email: clicker },
      { first_name: 'Sam', email: silent },
    ]);
    const id = await sequence(ws, ['Bienvenue', 'Merci du clic', 'Vous avez manqué'], ([welcome, thanks, missed]) => [
      { id: 'welcome', type: 'email', email_id: welcome },
      { id: 'wait', type: 'wait', amount: 2, unit: 'days' },
      {
        id: 'clicked',
        type: 'condition',
        condition: { kind: 'clicked_previous' },
        yes: [{ id: 'thanks', type: 'email', email_id: thanks }],
        no: [{ id: 'missed', type: 'email', email_id: missed }],
      },
    ]);
    for (const lead of ids) expect((await ws.client.post(`${BASE}/${id}/enrollments`, { lead_id: lead })).statusCode).toBe(201);
    expect((await ws.client.post(`${BASE}/${id}/enrollments`, { lead_id: ids[0] })).json().reason).toBe('already_enrolled');

    await stepsAt(T0);
    expect(mailsTo(clicker).map((m) => m.subject)).toEqual(['Bienvenue']);
    expect(mailsTo(silent).map((m) => m.subject)).toEqual(['Bienvenue']);
    const waiting = await enrollments(ws, id);
    expect(waiting.map((e) => [e.step_id, e.due_at])).toEqual([
      ['wait', at(2 * DAY).toISOString()],
      ['wait', at(2 * DAY).toISOString()],
    ]);

    // Clara clicks (past the link scanners' window after the send); a day later nothing is due yet.
    await new Promise((resolve) => setTimeout(resolve, 3100));
    const click = /href="([^"]+\/e\/c\/[^"]+)"/.exec(mailsTo(clicker)[0]!.html as string)![1]!;
    expect((await t.publicApp.inject({ method: 'GET', url: publicPath(click.replace(/&amp;/g, '&')), headers: person })).statusCode).toBe(302);
    // (The worker serves every workspace: other tests' enrollments may move too; this sequence's wait their end.)
    await stepsAt(at(DAY));
    expect((await enrollments(ws, id)).map((e) => e.step_id)).toEqual(['wait', 'wait']);

    await stepsAt(at(2 * DAY + 1));
    expect(mailsTo(clicker).map((m) => m.subject)).toEqual(['Bienvenue', 'Merci du clic']);
    expect(mailsTo(silent).map((m) => m.subject)).toEqual(['Bienvenue', 'Vous avez manqué']);
    expect((await enrollments(ws, id)).map((e) => e.state)).toEqual(['completed', 'completed']);

    const report = (await ws.client.get(`${BASE}/${id}/report`)).json();
    expect(report.totals).toMatchObject({ enrolled: 2, active: 0, completed: 2, sent: 4, clicked: 1 });
    expect(report.steps.map((s: { step_id: string; email: { sent: number } | null }) => [s.step_id, s.email?.sent ?? null])).toEqual([
      ['welcome', 2],
      ['wait', null],
      ['clicked', null],
      ['thanks', 1],
      ['missed', 1],
    ]);
    // The sequence's emails are not campaigns.
    const campaigns = (await ws.client.get('/api/marketing/email-campaigns')).json().items;
    expect(campaigns).toEqual([]);
  });

  it('lets leads leave on the goal and on unsubscribe, and stops mailing them', async () => {
    const tag = Date.now().toString(36);
    const [winner, leaver] = [`gagne-${tag}@exemple.fr`, `part-${tag}@exemple.fr`];
    const { ws, ids } = await workspace([{ email: winner }, { email: leaver }]);
    const id = await sequence(
      ws,
      ['Un', 'Deux'],
      ([one, two]) => [
        { id: 'one', type: 'email', email_id: one },
        { id: 'wait', type: 'wait', amount: 1, unit: 'days' },
        { id: 'two', type: 'email', email_id: two },
      ],
      { goal_rules: { op: 'and', rules: [{ field: 'status', operator: 'eq', value: 'won' }] } },
    );
    for (const lead of ids) await ws.client.post(`${BASE}/${id}/enrollments`, { lead_id: lead });
    await stepsAt(T0);
    // The winner clicks the first email (sent a minute ago: a person's click), then is won: the goal (a lead event
    // the sequences' subscriber sees at the dispatch) and, for the email, a conversion worth the lead's value.
    await t.runtime.database.raw.query(`UPDATE email_sends SET sent_at = now() - interval '1 minute' WHERE lead_id = $1`, [ids[0]]);
    const link = /href="([^"]+\/e\/c\/[^"]+)"/.exec(mailsTo(winner)[0]!.html as string)![1]!.replace(/&amp;/g, '&');
    expect((await t.publicApp.inject({ method: 'GET', url: publicPath(link), headers: person })).statusCode).toBe(302);
    expect((await ws.client.patch(`/api/marketing/leads/${ids[0]}`, { status: 'won', estimated_value: 900 })).statusCode).toBe(200);
    // Unsubscribe through the first email's one-click link.
    const unsubscribe = /href="([^"]+\/e\/u\/[^"]+)"/.exec(mailsTo(leaver)[0]!.html as string)![1]!.replace(/&amp;/g, '&');
    const oneClick = await t.publicApp.inject({
      method: 'POST',
      url: publicPath(unsubscribe),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    await t.drain();
    const states = await enrollments(ws, id);
    expect(Object.fromEntries(states.map((e) => [e.lead_id, [e.state, e.exit_reason]]))).toEqual({
      [ids[0]!]: ['exited', 'goal'],
      [ids[1]!]: ['exited', 'unsubscribed'],
    });
    await stepsAt(at(2 * DAY));
    expect(mailsTo(winner).length + mailsTo(leaver).length).toBe(2);
    const report = (await ws.client.get(`${BASE}/${id}/report`)).json();
    expect(report.totals).toMatchObject({ enrolled: 2, exited: 2, conversions: 1, conversion_rate: 0.5, revenue: 900, unsubscribed: 1 });
    expect(report.exits).toMatchObject({ goal: 1, unsubscribed: 1 });
  });

  it("keeps to the send window in each lead's own time zone", async () => {
    const tag = Date.now().toString(36);
    const [paris, newYork, noZone] = [`paris-${tag}@exemple.fr`, `ny-${tag}@exemple.fr`, `sans-${tag}@exemple.fr`];
    const { ws, ids } = await workspace([{ email: paris, timezone: 'Europe/Paris' }, { email: newYork, timezone: 'America/New_York' }, { email: noZone }]);
    expect((await ws.client.post('/api/marketing/leads', { email: `x-${tag}@exemple.fr`, timezone: 'Mars/Olympus' })).statusCode).toBe(400);
    const id = await sequence(ws, ['Bonjour'], ([hello]) => [{ id: 'hello', type: 'email', email_id: hello }], {
      send_window: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timezone: 'lead' },
    });
    for (const lead of ids) await ws.client.post(`${BASE}/${id}/enrollments`, { lead_id: lead });
    // Monday 08:30 UTC: 09:30 in Paris (the workspace's zone too), 03:30 in New York.
    await stepsAt(new Date('2027-01-04T08:30:00Z'));
    expect([mailsTo(paris).length, mailsTo(newYork).length, mailsTo(noZone).length]).toEqual([1, 0, 1]);
    const ny = (await enrollments(ws, id)).find((e) => e.lead_id === ids[1]);
    expect(ny).toMatchObject({ state: 'active', step_id: 'hello', due_at: '2027-01-04T14:00:00.000Z' });
    await stepsAt(new Date('2027-01-04T14:00:00Z'));
    expect(mailsTo(newYork).length).toBe(1);
    // A window on weekdays: Saturday's enrollment waits for Monday 09:00.
    const weekend = await ws.client.post('/api/marketing/leads', { email: `we-${tag}@exemple.fr`, timezone: 'Europe/Paris' });
    await ws.client.post(`${BASE}/${id}/enrollments`, { lead_id: weekend.json().id });
    await stepsAt(new Date('2027-01-09T12:00:00Z'));
    expect((await enrollments(ws, id)).find((e) => e.lead_id === weekend.json().id)?.due_at).toBe('2027-01-11T08:00:00.000Z');
  });

  it('enrolls through a CRM automation and through an entry segment, once', async () => {
    const tag = Date.now().toString(36);
    const { ws, ids } = await workspace([{ email: `auto-${tag}@exemple.fr` }, { email: `seg-${tag}@exemple.fr` }]);
    const segment = await ws.client.post('/api/marketing/segments', {
      name: 'VIP',
      rules: { op: 'and', rules: [{ field: 'tags', operator: 'contains', value: 'vip' }] },
    });
    expect(segment.statusCode, segment.body).toBe(201);
    const byAutomation = await sequence(ws, ['Relance'], ([e]) => [{ id: 'e', type: 'email', email_id: e }]);
    const bySegment = await sequence(ws, ['VIP'], ([e]) => [{ id: 'e', type: 'email', email_id: e }], { entry_segment_id: segment.json().id });
    const automation = await ws.client.post('/api/marketing/automations', {
      name: 'Contacté → séquence',
      trigger: { type: 'status_changed', status: 'contacted' },
      actions: [{ type: 'enroll_in_sequence', params: { sequence_id: byAutomation } }],
    });
    expect(automation.statusCode, automation.body).toBe(201);
    await ws.client.patch(`/api/marketing/leads/${ids[0]}`, { status: 'contacted' });
    await ws.client.patch(`/api/marketing/leads/${ids[1]}`, { tags: ['vip'] });
    await t.drain();
    expect((await enrollments(ws, byAutomation)).map((e) => e.lead_id)).toEqual([ids[0]]);
    expect((await enrollments(ws, bySegment)).map((e) => e.lead_id)).toEqual([ids[1]]);
    // Another event of the same lead: still one enrollment (already in it).
    await ws.client.patch(`/api/marketing/leads/${ids[1]}`, { first_name: 'Vera' });
    await t.drain();
    expect((await enrollments(ws, bySegment)).length).toBe(1);
    // A draft sequence is refused when saving the action's run: the run says why.
    const draft = (await ws.client.post(BASE, { name: 'Brouillon' })).json();
    expect((await ws.client.post(`${BASE}/${draft.id}/enrollments`, { lead_id: ids[0] })).json().reason).toBe('sequence_draft');
  });

  it('moves the leads of a removed step on, and applies the re-entry rule', async () => {
    const tag = Date.now().toString(36);
    const { ws, ids } = await workspace([{ email: `edit-${tag}@exemple.fr` }]);
    const id = await sequence(ws, ['Un', 'Deux'], ([one, two]) => [
      { id: 'one', type: 'email', email_id: one },
      { id: 'wait', type: 'wait', amount: 3, unit: 'days' },
      { id: 'two', type: 'email', email_id: two },
    ]);
    await ws.client.post(`${BASE}/${id}/enrollments`, { lead_id: ids[0] });
    await stepsAt(T0);
    expect((await enrollments(ws, id))[0]?.step_id).toBe('wait');
    // A running sequence's email stays sendable: an edit that drops the unsubscribe link is refused.
    const emailId = (await ws.client.get(`${BASE}/${id}`)).json().steps[0].email_id as string;
    const broken = await ws.client.patch(`/api/marketing/email-campaigns/${emailId}`, { html_content: '<p>Sans lien</p> {{ workspace.postal_address }}' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0]).toMatchObject({ path: 'body.html_content', code: 'unsubscribe_link_missing' });
    expect((await ws.client.patch(`/api/marketing/email-campaigns/${emailId}`, { html_content: HTML('Un, revu') })).statusCode).toBe(200);
    // The wait is removed while the lead is in it: it goes on to the next step that remains, at once.
    const current = (await ws.client.get(`${BASE}/${id}`)).json();
    const edited = await ws.client.patch(`${BASE}/${id}`, { steps: current.steps.filter((s: { id: string }) => s.id !== 'wait') });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await enrollments(ws, id))[0]?.step_id).toBe('two');
    await stepsAt(at(1));
    expect((await enrollments(ws, id))[0]?.state).toBe('completed');
    // Re-entry: never by default; after N days when set.
    const tenant = new Tenant(t.runtime.db, ws.workspaceId);
    expect(await enrollLead(tenant, await getSequence(tenant, id), ids[0]!, at(10 * DAY))).toBe('reentry_not_allowed');
    await ws.client.patch(`${BASE}/${id}`, { reentry_after_days: 30 });
    expect(await enrollLead(tenant, await getSequence(tenant, id), ids[0]!, at(10 * DAY))).toBe('reentry_not_allowed');
    const again = await enrollLead(tenant, await getSequence(tenant, id), ids[0]!, at(40 * DAY));
    expect(typeof again === 'object' && again.state).toBe('active');
  });

  it('checks what it is given: emails of the sequence, ready emails, limits', async () => {
    const { ws } = await workspace([]);
    const created = (await ws.client.post(BASE, { name: 'Vérifs' })).json();
    const other = (await ws.client.post(BASE, { name: 'Autre' })).json();
    const foreign = (await ws.client.post(`${BASE}/${other.id}/emails`, {})).json();
    const unknown = await ws.client.patch(`${BASE}/${created.id}`, { steps: [{ id: 'a', type: 'email', email_id: foreign.id }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ code: 'unknown_email' });
    const twice = await ws.client.patch(`${BASE}/${created.id}`, {
      steps: [
        { id: 'a', type: 'wait', amount: 1, unit: 'days' },
        { id: 'a', type: 'wait', amount: 2, unit: 'days' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    const many = await ws.client.patch(`${BASE}/${created.id}`, {
      steps: Array.from({ length: 51 }, (_, i) => ({ id: `w${i}`, type: 'wait', amount: 1, unit: 'hours' })),
    });
    expect(many.statusCode).toBe(400);
    const badWindow = await ws.client.patch(`${BASE}/${created.id}`, { send_window: { days: [1], start: '18:00', end: '09:00', timezone: 'lead' } });
    expect(badWindow.statusCode).toBe(400);
    // An empty email: the activation names its step.
    const blank = (await ws.client.post(`${BASE}/${created.id}/emails`, {})).json();
    await ws.client.patch(`${BASE}/${created.id}`, { steps: [{ id: 'first', type: 'email', email_id: blank.id }] });
    const refused = await ws.client.post(`${BASE}/${created.id}/activate`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: 'steps.first', code: 'email_not_ready' });
    expect((await ws.client.post(`${BASE}/${created.id}/activate`, {})).statusCode).toBe(400);
    expect((await ws.client.get(`${BASE}/${created.id}`)).json().status).toBe('draft');
    // A sequence's email is never sent, scheduled or deleted as a campaign.
    expect((await ws.client.post(`/api/marketing/email-campaigns/${blank.id}/send`, {})).json().reason).toBe('sequence_email');
    expect((await ws.client.delete(`/api/marketing/email-campaigns/${blank.id}`)).json().reason).toBe('sequence_email');
    // Another workspace sees none of it: the sequence, its enrollments, its leads.
    const { ws: other2, ids: theirs } = await workspace([{ email: `autre-${Date.now().toString(36)}@exemple.fr` }]);
    const mine = (await ws.client.post('/api/marketing/leads', { email: `moi-${Date.now().toString(36)}@exemple.fr` })).json();
    const live = (await other2.client.post(BASE, { name: 'Chez B' })).json();
    expect((await ws.client.post(`${BASE}/${live.id}/enrollments`, { lead_id: mine.id })).statusCode).toBe(404);
    expect((await other2.client.post(`${BASE}/${live.id}/enrollments`, { lead_id: mine.id })).json().errors[0].code).toBe('unknown_lead');
    expect((await ws.client.delete(`${BASE}/${live.id}/enrollments/${theirs[0]}`)).statusCode).toBe(404);
    expect((await ws.client.get(`${BASE}/${live.id}/report`)).statusCode).toBe(404);
    expect((await ws.client.delete(`${BASE}/${created.id}`)).statusCode).toBe(204);
    expect((await ws.client.get(`/api/marketing/email-campaigns/${blank.id}`)).statusCode).toBe(404);
  });

  it('runs an A/B test in an email step and keeps the better variant once decided', async () => {
    const tag = Date.now().toString(36);
    const { ws } = await workspace([]);
    const id = await sequence(ws, ['Bienvenue'], ([welcome]) => [{ id: 'welcome', type: 'email', email_id: welcome }]);
    const emailId = (await ws.client.get(`${BASE}/${id}`)).json().steps[0].email_id as string;
    const test = await ws.client.patch(`/api/marketing/email-campaigns/${emailId}`, {
      ab_test: { variants: [{ subject: 'Bienvenue, le guide offert' }], test_share: 1, metric: 'open_rate', duration_hours: 24 },
    });
    expect(test.statusCode, test.body).toBe(200);
    // 300 leads enrolled at once (as an import's automation would): each message gets A or B.
    const enroll = async (from: number, to: number) => {
      await t.runtime.database.raw.query(
        `INSERT INTO leads (workspace_id, email) SELECT $1, 'ab' || g || '-' || $2 || '@exemple.fr' FROM generate_series($3::int, $4::int) AS g`,
        [ws.workspaceId, tag, from, to],
      );
      await t.runtime.database.raw.query(
        `INSERT INTO email_sequence_enrollments (workspace_id, sequence_id, lead_id, step_id, due_at)
         SELECT workspace_id, $2, id, 'welcome', now() FROM leads WHERE workspace_id = $1 AND email LIKE 'ab%' AND NOT EXISTS
           (SELECT 1 FROM email_sequence_enrollments e WHERE e.lead_id = leads.id)`,
        [ws.workspaceId, id],
      );
    };
    await enroll(1, 300);
    await stepsAt(T0);
    const first = received.filter((r) => r.to.endsWith(`-${tag}@exemple.fr`));
    const bySubject = (subject: string) => first.filter((r) => r.mail.subject === subject);
    expect(first.length).toBe(300);
    expect(bySubject('Bienvenue').length).toBeGreaterThan(100);
    expect(bySubject('Bienvenue, le guide offert').length).toBeGreaterThan(100);
    // B is opened far more; the step job's check finds the winner; later leads all get B.
    const { decideSequenceEmailTests } = await import('../email-ab-test.js');
    await decideSequenceEmailTests(t.runtime);
    expect((await ws.client.get(`/api/marketing/email-campaigns/${emailId}`)).json().ab_winner).toBeNull();
    for (const m of bySubject('Bienvenue, le guide offert').slice(0, 80)) {
      const pixel = new URL(/<img src="([^"]+\/e\/o\/[^"]+)"/.exec(m.mail.html as string)![1]!);
      await t.publicApp.inject({ method: 'GET', url: `${pixel.pathname}${pixel.search}`, headers: person });
    }
    await decideSequenceEmailTests(t.runtime);
    expect((await ws.client.get(`/api/marketing/email-campaigns/${emailId}`)).json().ab_winner).toBe('B');
    await enroll(301, 340);
    await stepsAt(at(1));
    const later = received.filter((r) => r.to.endsWith(`-${tag}@exemple.fr`)).slice(300);
    expect(later.length).toBe(40);
    expect(new Set(later.map((r) => r.mail.subject))).toEqual(new Set(['Bienvenue, le guide offert']));
    const report = (await ws.client.get(`/api/marketing/email-campaigns/${emailId}/report`)).json();
    expect(report.ab_test).toMatchObject({ state: 'decided', winner: 'B', decided_by: 'automatic' });
    // The test's numbers are those before the decision: the 40 later messages are not in them.
    expect(report.ab_test.variants.reduce((sum: number, v: { recipients: number }) => sum + v.recipients, 0)).toBe(300);
    // Another test on the same step starts again: no winner, no numbers from the earlier one.
    const again = await ws.client.patch(`/api/marketing/email-campaigns/${emailId}`, {
      ab_test: { variants: [{ subject: 'Bienvenue ! Le guide et la checklist' }], test_share: 1, metric: 'click_rate', duration_hours: 24 },
    });
    expect(again.json().ab_winner).toBeNull();
    const restarted = (await ws.client.get(`/api/marketing/email-campaigns/${emailId}/report`)).json();
    expect(restarted.ab_test).toMatchObject({ state: 'testing', winner: null });
    expect(restarted.ab_test.variants.reduce((sum: number, v: { recipients: number }) => sum + v.recipients, 0)).toBe(0);
  });

  it.runIf(process.env.TEST_DB === 'postgres')('shares due steps between two workers at once with no step run twice', async () => {
    const tag = Date.now().toString(36);
    const leads = Array.from({ length: 150 }, (_, i) => ({ email: `race-${i}-${tag}@exemple.fr` }));
    const { ws, ids } = await workspace(leads);
    const id = await sequence(ws, ['Course'], ([e]) => [
      { id: 'e', type: 'email', email_id: e },
      { id: 'w', type: 'wait', amount: 1, unit: 'hours' },
    ]);
    // What other tests (files run side by side on this database) left due moves first: the count below is ours.
    await runDueSteps(t.runtime, { now: T0, budgetMs: 30_000 });
    for (const lead of ids) await ws.client.post(`${BASE}/${id}/enrollments`, { lead_id: lead });
    // Two workers with small batches, at the same time, over the same due enrollments.
    const moved = await Promise.all([1, 2].map(() => runDueSteps(t.runtime, { now: T0, budgetMs: 30_000, batch: 20 })));
    expect(moved[0]! + moved[1]!).toBe(150);
    expect(moved.every((n) => n > 0)).toBe(true);
    await t.drain();
    expect(leads.map((l) => mailsTo(l.email).length).filter((n) => n !== 1)).toEqual([]);
    expect((await enrollments(ws, id)).filter((e) => e.step_id === 'w').length).toBe(50);
  });
});
