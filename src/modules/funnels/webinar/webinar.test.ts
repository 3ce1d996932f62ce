import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { startSmtpCapture } from '../../../../test/smtp-capture.js';
import type { TFunnel, TFunnelPageSummary } from '../../../contracts/funnels.js';
import { advanceBusinessClock, businessNow } from '../../../platform/clock.js';
import { runDueSteps } from '../../email/index.js';
import { seedFunnelDemo } from '../funnels.demo.js';
import { chosenSession, nextSlots, watchState, type TWebinarTimes } from './webinar-schedule.js';

// Webinars end to end: the evergreen schedule across summer time, registration through a published page of the
// webinar template (offered session, refused one, the same registration twice), the reminder sequence's mails at
// 24 h, 1 h and the start (a real SMTP server on loopback, the step worker moved through time by the tests' clock),
// a late registrant's skipped reminders, and the watch page's states for a token.

const capture = await startSmtpCapture();
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ SMTP_URL: capture.url, PUBLIC_URL: 'https://pages.example.test' });
});
afterAll(async () => {
  await t.close();
  await capture.close();
});

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const MINUTE = 60_000;
const SEQUENCES = '/api/marketing/sequences';
const HTML = (title: string) =>
  `<h1>${title} {{ lead.first_name }}</h1><p>Le {{ webinar.starts_at }} : <a href="{{ webinar.watch_url }}">Rejoindre</a></p><p>{{ workspace.postal_address }} · <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>`;

const mailsTo = (address: string): ParsedMail[] => capture.received.filter((r) => r.to === address).map((r) => r.mail);
const subjects = (address: string) => mailsTo(address).map((m) => m.subject);

/** The step worker at `now`, then the queued senders. */
async function stepsAt(now: Date): Promise<void> {
  await runDueSteps(t.runtime, { now, budgetMs: 30_000 });
  await t.drain();
}

/** A minute, on the minute: sessions are whole minutes. */
const minuteAfter = (ms: number) => new Date(Math.ceil((businessNow().getTime() + ms) / MINUTE) * MINUTE);

async function reminderSequence(ws: SignedUp): Promise<string> {
  const created = await ws.client.post(SEQUENCES, { name: 'Rappels webinaire' });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const emails: string[] = [];
  for (const subject of ['J-1', 'H-1', 'Ça commence']) {
    const email = await ws.client.post(`${SEQUENCES}/${id}/emails`, { name: subject });
    const emailId = email.json().id as string;
    const saved = await ws.client.patch(`/api/marketing/email-campaigns/${emailId}`, {
      subject: `${subject} : {{ webinar.starts_at }}`,
      html_content: HTML(subject),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    emails.push(emailId);
  }
  const steps = [
    { id: 'd1', type: 'wait_anchor', offset_minutes: -1440 },
    { id: 'm-d1', type: 'email', email_id: emails[0] },
    { id: 'h1', type: 'wait_anchor', offset_minutes: -60 },
    { id: 'm-h1', type: 'email', email_id: emails[1] },
    { id: 'start', type: 'wait_anchor', offset_minutes: 0 },
    { id: 'm-start', type: 'email', email_id: emails[2] },
  ];
  const saved = await ws.client.patch(`${SEQUENCES}/${id}`, { steps });
  expect(saved.statusCode, saved.body).toBe(200);
  const active = await ws.client.post(`${SEQUENCES}/${id}/activate`, {});
  expect(active.statusCode, active.body).toBe(200);
  // The editor's preview shows a sample session.
  const preview = await ws.client.post(`/api/marketing/email-campaigns/${emails[0]}/preview`, {});
  expect(preview.statusCode, preview.body).toBe(200);
  expect(preview.json().subject).toBe('J-1 : mardi 12 janvier 2027 à 19:00 UTC+1');
  return id;
}

async function webinarFunnel(ws: SignedUp, settings: Record<string, unknown>) {
  const created = await ws.client.post('/api/marketing/funnels/from-template', { template_id: 'webinar-fr', name: 'Masterclass' });
  expect(created.statusCode, created.body).toBe(201);
  const funnel = created.json() as TFunnel;
  const put = await ws.client.request({ method: 'PUT', url: `/api/marketing/funnels/${funnel.id}/webinar`, payload: settings });
  expect(put.statusCode, put.body).toBe(200);
  const published = await ws.client.post(`/api/marketing/funnels/${funnel.id}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);
  const pages = (await ws.client.get(`/api/marketing/funnels/${funnel.id}/pages`)).json().items as TFunnelPageSummary[];
  return { funnel, register: pages.find((p) => p.page_type === 'optin')!, room: pages.find((p) => p.page_type === 'webinar')!, pages };
}

function register(pageId: string, payload: Record<string, string>) {
  return t.publicApp.inject({
    method: 'POST',
    url: `/p/${pageId}/form/0`,
    payload: { first_name: 'Léa', consent: 'on', ...payload },
    headers: { 'user-agent': BROWSER, accept: 'application/json' },
  });
}

const tokenOf = (redirect: string) => new URL(redirect, 'https://x.test').searchParams.get('t');

describe('webinar schedule', () => {
  const schedule = { schedule_days: [6, 7, 1], schedule_times: ['10:00', '20:00'], min_delay_minutes: 15, slots_offered: 4 };

  it('offers the next evergreen slots in the schedule’s zone, across the change to summer time', () => {
    // Saturday 27 March 2027, 13:00 in Paris (UTC+1); summer time starts on Sunday 28 at 2:00 (UTC+2).
    const slots = nextSlots(schedule, new Date('2027-03-27T12:00:00Z'), 'Europe/Paris');
    expect(slots.map((d) => d.toISOString())).toEqual([
      '2027-03-27T19:00:00.000Z', // Saturday 20:00 UTC+1
      '2027-03-28T08:00:00.000Z', // Sunday 10:00 UTC+2
      '2027-03-28T18:00:00.000Z', // Sunday 20:00 UTC+2
      '2027-03-29T08:00:00.000Z', // Monday 10:00 UTC+2
    ]);
    // Back to winter time on Sunday 31 October 2027.
    const autumn = nextSlots({ ...schedule, slots_offered: 3 }, new Date('2027-10-30T19:50:00Z'), 'Europe/Paris');
    expect(autumn.map((d) => d.toISOString())).toEqual(['2027-10-31T09:00:00.000Z', '2027-10-31T19:00:00.000Z', '2027-11-01T09:00:00.000Z']);
    // The minimum delay: at 19:50 on Saturday (UTC+1), the 20:00 slot is too close.
    expect(nextSlots(schedule, new Date('2027-03-27T18:50:00Z'), 'Europe/Paris')[0]!.toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(nextSlots({ ...schedule, min_delay_minutes: 5 }, new Date('2027-03-27T18:50:00Z'), 'Europe/Paris')[0]!.toISOString()).toBe(
      '2027-03-27T19:00:00.000Z',
    );
  });

  it('accepts only a session offered now (or a few minutes ago), and knows the room’s state', () => {
    const times: TWebinarTimes = { mode: 'evergreen', sessions: [], ...schedule, duration_minutes: 60, replay_hours: 48 };
    const now = new Date('2027-03-27T12:00:00Z');
    expect(chosenSession(times, '2027-03-28T08:00:00.000Z', now, 'Europe/Paris')?.toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(chosenSession(times, '2027-03-28T09:00:00.000Z', now, 'Europe/Paris')).toBeNull();
    expect(chosenSession(times, 'demain', now, 'Europe/Paris')).toBeNull();
    // Without a choice (no script): the next session.
    expect(chosenSession(times, '', now, 'Europe/Paris')?.toISOString()).toBe('2027-03-27T19:00:00.000Z');
    // Slot 19:00Z stops being offered at 18:45Z; a page loaded before still gets it 5 minutes later.
    expect(chosenSession(times, '2027-03-27T19:00:00.000Z', new Date('2027-03-27T18:50:00Z'), 'Europe/Paris')).not.toBeNull();
    const start = new Date('2027-03-28T08:00:00Z');
    const at = (minutes: number) => watchState(times, start, new Date(start.getTime() + minutes * MINUTE)).state;
    expect([at(-1), at(0), at(59), at(60), at(48 * 60 - 1), at(48 * 60)]).toEqual(['before', 'live', 'live', 'replay', 'replay', 'ended']);
    expect(watchState({ ...times, replay_hours: 0 }, start, new Date(start.getTime() + 61 * MINUTE)).state).toBe('ended');
  });
});

describe('webinar funnels', () => {
  it('checks settings: limits, video address, sequence, funnel type', async () => {
    const ws = await signUp(t.app);
    const funnel = (await ws.client.post('/api/marketing/funnels/from-template', { template_id: 'webinar-fr', name: 'Limites' })).json() as TFunnel;
    const put = (payload: Record<string, unknown>, id = funnel.id) =>
      ws.client.request({ method: 'PUT', url: `/api/marketing/funnels/${id}/webinar`, payload });
    const codes = async (payload: Record<string, unknown>) => {
      const res = await put(payload);
      expect(res.statusCode, res.body).toBe(400);
      return (res.json().errors as { code: string }[]).map((e) => e.code);
    };
    const eleven = Array.from({ length: 11 }, (_, i) => new Date(Date.UTC(2030, 0, i + 1, 18)).toISOString());
    expect(await codes({ mode: 'fixed', sessions: eleven })).toContain('too_big');
    expect(await codes({ mode: 'fixed', sessions: [] })).toContain('webinar_no_session');
    expect(await codes({ mode: 'evergreen', schedule_days: [1], schedule_times: ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00'] })).toContain(
      'too_big',
    );
    expect(await codes({ mode: 'evergreen', schedule_days: [1], schedule_times: ['19:00'], replay_hours: 721 })).toContain('too_big');
    expect(await codes({ mode: 'evergreen', schedule_days: [1], schedule_times: ['19:00'], video_url: 'https://exemple.fr/film' })).toContain(
      'webinar_video_url',
    );
    expect(
      await codes({ mode: 'evergreen', schedule_days: [1], schedule_times: ['19:00'], reminder_sequence_id: '00000000-0000-4000-8000-000000000000' }),
    ).toContain('unknown_sequence');
    const ok = await put({ mode: 'evergreen', schedule_days: [2, 4], schedule_times: ['19:00'], video_url: 'https://youtu.be/dQw4w9WgXcQ', slots_offered: 2 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().sessions.filter((s: { offered: boolean }) => s.offered)).toHaveLength(2);
    const other = (await ws.client.post('/api/marketing/funnels', { name: 'Guide', funnel_type: 'lead_magnet' })).json() as TFunnel;
    const refused = await put({ mode: 'evergreen', schedule_days: [1], schedule_times: ['19:00'] }, other.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reason).toBe('not_webinar_funnel');
    // Another workspace sees nothing.
    const stranger = await signUp(t.app);
    expect((await stranger.client.get(`/api/marketing/funnels/${funnel.id}/webinar`)).statusCode).toBe(404);
  });

  it('registers for an offered session, once, and sends the 24 h, 1 h and start reminders with the watch link', async () => {
    const ws = await signUp(t.app);
    expect((await ws.client.patch('/api/workspace', { legal_name: 'Atelier SAS', postal_address: '12 rue des Lilas, 75011 Paris' })).statusCode).toBe(200);
    const sequenceId = await reminderSequence(ws);
    const soon = minuteAfter(2 * 24 * 60 * MINUTE);
    const late = minuteAfter(30 * MINUTE);
    const {
      funnel,
      register: page,
      room,
      pages,
    } = await webinarFunnel(ws, {
      mode: 'fixed',
      sessions: [soon.toISOString(), late.toISOString()],
      video_url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      duration_minutes: 60,
      replay_hours: 48,
      reminder_sequence_id: sequenceId,
    });

    // The published page is static; its sessions come from the sessions endpoint, per visit.
    const html = await t.publicApp.inject({ method: 'GET', url: `/${funnel.slug}`, headers: { 'user-agent': BROWSER } });
    expect(html.body).toContain(`src="/p/webinar.js" data-page="${page.id}"`);
    expect(html.body).toContain('data-mk-session-label="Choisissez votre session"');
    const offered = await t.publicApp.inject({ method: 'GET', url: `/p/${page.id}/sessions` });
    expect(offered.json().sessions.map((s: { starts_at: string }) => s.starts_at)).toEqual([late.toISOString(), soon.toISOString()]);
    expect((await t.publicApp.inject({ method: 'GET', url: '/p/webinar.js' })).headers['content-type']).toContain('javascript');

    // A session not offered is refused, beside the field.
    const email = uniqueEmail('lea');
    const refused = await register(page.id, { email, session: new Date(soon.getTime() + 60 * MINUTE).toISOString() });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ field: 'session', message: expect.stringContaining('plus proposée') }]);

    const first = await register(page.id, { email, session: soon.toISOString() });
    expect(first.statusCode, first.body).toBe(200);
    const confirmation = pages.find((p) => p.order === page.order + 1)!;
    expect(first.json().redirect).toContain(`/${funnel.slug}/${confirmation.slug}?t=`);
    const token = tokenOf(first.json().redirect)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The same registration again: the same link, one registration, one enrollment.
    const again = await register(page.id, { email, session: soon.toISOString() });
    expect(tokenOf(again.json().redirect)).toBe(token);
    const list = await ws.client.get(`/api/marketing/funnels/${funnel.id}/webinar/registrations?limit=10`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ session_at: soon.toISOString(), lead: { email, first_name: 'Léa' } });
    expect(JSON.stringify(list.json())).not.toContain(token);
    const settings = (await ws.client.get(`/api/marketing/funnels/${funnel.id}/webinar`)).json();
    expect(settings.sessions.find((s: { starts_at: string }) => s.starts_at === soon.toISOString()).registrations).toBe(1);
    const enrollments = (await ws.client.get(`${SEQUENCES}/${sequenceId}/enrollments`)).json().items;
    expect(enrollments).toHaveLength(1);
    expect(enrollments[0]).toMatchObject({ step_id: 'd1', due_at: new Date(soon.getTime() - 1440 * MINUTE).toISOString() });

    // A late registrant (30 minutes before): the day-before and hour-before reminders are past, only the start's is left.
    const lateEmail = uniqueEmail('tardif');
    const lateReg = await register(page.id, { email: lateEmail, session: late.toISOString() });
    expect(lateReg.statusCode, lateReg.body).toBe(200);

    await stepsAt(new Date(late.getTime() - MINUTE));
    expect([...subjects(email), ...subjects(lateEmail)]).toEqual([]);
    await stepsAt(late);
    expect(subjects(lateEmail).map((s) => s?.split(' :')[0])).toEqual(['Ça commence']);
    expect(subjects(email)).toEqual([]);

    const watchUrl = `https://pages.example.test/${funnel.slug}/${room.slug}?t=${token}`;
    await stepsAt(new Date(soon.getTime() - 1441 * MINUTE));
    expect(subjects(email)).toEqual([]);
    await stepsAt(new Date(soon.getTime() - 1440 * MINUTE));
    expect(subjects(email)).toHaveLength(1);
    const dayBefore = mailsTo(email)[0]!;
    const zoned = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(soon);
    expect(dayBefore.subject).toMatch(new RegExp(`^J-1 : \\w+ \\d+ \\p{L}+ \\d{4} à ${zoned} UTC\\+\\d$`, 'u'));
    expect(dayBefore.text).toContain(watchUrl);
    await stepsAt(new Date(soon.getTime() - 61 * MINUTE));
    expect(subjects(email)).toHaveLength(1);
    await stepsAt(new Date(soon.getTime() - 60 * MINUTE));
    await stepsAt(soon);
    expect(subjects(email).map((s) => s?.split(' :')[0])).toEqual(['J-1', 'H-1', 'Ça commence']);
    for (const mail of mailsTo(email)) expect(mail.text).toContain(watchUrl);
    expect(subjects(lateEmail)).toHaveLength(1);
    expect(mailsTo(lateEmail)[0]!.text).not.toContain(token);
  });

  it('gives the demo an evergreen webinar with registrations and a reminder sequence', async () => {
    const owner = await signUp(t.app);
    expect((await owner.client.patch('/api/workspace', { legal_name: 'Atelier SAS', postal_address: '12 rue des Lilas, 75011 Paris' })).statusCode).toBe(200);
    await seedFunnelDemo(t.runtime, owner.workspaceId, owner.userId, t.publicApp);
    const funnels = (await owner.client.get('/api/marketing/funnels')).json().items as TFunnel[];
    const webinar = funnels.find((f) => f.funnel_type === 'webinar')!;
    const settings = (await owner.client.get(`/api/marketing/funnels/${webinar.id}/webinar`)).json();
    expect(settings.settings).toMatchObject({ mode: 'evergreen', schedule_days: [2, 4, 6], schedule_times: ['19:00'], slots_offered: 3 });
    expect(settings.sessions.filter((s: { offered: boolean }) => s.offered)).toHaveLength(3);
    const registered = settings.sessions.reduce((sum: number, s: { registrations: number }) => sum + s.registrations, 0);
    expect(registered).toBe(webinar.total_leads);
    const sequence = settings.sequences.find((s: { id: string }) => s.id === settings.settings.reminder_sequence_id);
    expect(sequence).toMatchObject({ name: 'Rappels du webinaire', status: 'paused' });
    const enrollments = (await owner.client.get(`${SEQUENCES}/${sequence.id}/enrollments`)).json().items;
    expect(enrollments).toHaveLength(registered);
  });

  it('opens the room at the session: countdown before, video while live, replay, then nothing; 404 without a valid token', async () => {
    const ws = await signUp(t.app);
    const session = minuteAfter(3 * 60 * MINUTE);
    const {
      funnel,
      register: page,
      room,
    } = await webinarFunnel(ws, {
      mode: 'fixed',
      sessions: [session.toISOString()],
      video_url: 'https://vimeo.com/76979871',
      duration_minutes: 60,
      replay_hours: 24,
    });
    const reg = await register(page.id, { email: uniqueEmail('salle'), session: session.toISOString() });
    expect(reg.statusCode, reg.body).toBe(200);
    const token = tokenOf(reg.json().redirect)!;
    const state = (query: string) => t.publicApp.inject({ method: 'GET', url: `/p/${room.id}/webinar${query}`, headers: { 'user-agent': BROWSER } });

    // The room page itself is the same static HTML for everyone: no player, no session in it.
    const roomHtml = await t.publicApp.inject({ method: 'GET', url: `/${funnel.slug}/${room.slug}?t=${token}`, headers: { 'user-agent': BROWSER } });
    expect(roomHtml.statusCode).toBe(200);
    expect(roomHtml.body).toContain('/p/webinar.js');
    expect(roomHtml.body).not.toContain('76979871');

    const before = await state(`?t=${token}`);
    expect(before.statusCode).toBe(200);
    expect(before.headers['cache-control']).toBe('no-store');
    expect(before.json()).toMatchObject({ state: 'before', starts_at: session.toISOString(), video: null });
    expect(before.json().watch_url).toBe(`https://pages.example.test/${funnel.slug}/${room.slug}?t=${token}`);
    expect(JSON.stringify(before.json())).not.toMatch(/salle|Léa/);

    // Without a token, with a wrong one, or with a token of another funnel: 404 and the registration page's address.
    for (const query of ['', '?t=', `?t=${'x'.repeat(43)}`]) {
      const res = await state(query);
      expect(res.statusCode, query).toBe(404);
      expect(res.json()).toEqual({ register_url: `https://pages.example.test/${funnel.slug}/${page.slug}` });
    }
    const other = await webinarFunnel(ws, { mode: 'fixed', sessions: [session.toISOString()] });
    const otherToken = tokenOf((await register(other.register.id, { email: uniqueEmail('autre'), session: session.toISOString() })).json().redirect)!;
    expect((await state(`?t=${otherToken}`)).statusCode).toBe(404);

    // The tests' clock moves on (this test is the file's last: the clock only goes forward).
    advanceBusinessClock(session.getTime() - businessNow().getTime() + MINUTE);
    const live = (await state(`?t=${token}`)).json();
    expect(live).toMatchObject({ state: 'live', video: { provider: 'vimeo', video: '76979871' } });
    advanceBusinessClock(60 * MINUTE);
    expect((await state(`?t=${token}`)).json()).toMatchObject({ state: 'replay', video: { provider: 'vimeo' } });
    advanceBusinessClock(23 * 60 * MINUTE);
    expect((await state(`?t=${token}`)).json()).toMatchObject({ state: 'ended', video: null });
  });
});

// PostgreSQL only: PGlite runs the two requests one after the other, so a race there proves nothing.
describe.runIf(process.env.TEST_DB === 'postgres')('webinar registration races (PostgreSQL)', () => {
  it('registers a person who sends the form twice at once once, with one link and one reminder enrollment', async () => {
    const ws = await signUp(t.app);
    expect((await ws.client.patch('/api/workspace', { postal_address: '12 rue des Lilas, 75011 Paris' })).statusCode).toBe(200);
    const sequenceId = await reminderSequence(ws);
    const session = minuteAfter(3 * 24 * 60 * MINUTE);
    const { funnel, register: page } = await webinarFunnel(ws, {
      mode: 'fixed',
      sessions: [session.toISOString()],
      video_url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      duration_minutes: 60,
      replay_hours: 48,
      reminder_sequence_id: sequenceId,
    });
    for (let round = 0; round < 3; round++) {
      const email = uniqueEmail(`course-${round}`);
      const answers = await Promise.all([0, 1].map(() => register(page.id, { email, session: session.toISOString() })));
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      expect(tokenOf(answers[0]!.json().redirect)).toBe(tokenOf(answers[1]!.json().redirect));
    }
    const list = (await ws.client.get(`/api/marketing/funnels/${funnel.id}/webinar/registrations?limit=10`)).json();
    expect(list.items).toHaveLength(3);
    expect((await ws.client.get(`${SEQUENCES}/${sequenceId}/enrollments`)).json().items).toHaveLength(3);
  });
});
