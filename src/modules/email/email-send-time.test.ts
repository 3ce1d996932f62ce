import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from '../../../test/harness.js';
import { bestSendTime, hourOfWeek, profileOf } from './email-send-time.js';
import { campaignSenderJob } from './email-sending.jobs.js';

// Send-time optimisation: each recipient's best hour in the next 24 hours (their own opens and clicks, else the
// workspace's, else at once), a 10 % holdout sent at once, and the report comparing them.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const HOUR = 3_600_000;
const BASE = '/api/marketing/email-campaigns';
const HTML = `<p>Bonjour</p><p>{{ workspace.postal_address }} <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>`;
/** The first full hour after `start` whose local hour of the week (in `zone`) is that of `seen` in `seenIn`. */
function firstHourLike(start: number, seen: Date, seenIn: string, zone: string): number {
  const target = hourOfWeek(seen, seenIn);
  for (let t = Math.ceil(start / HOUR) * HOUR; t < start + 24 * HOUR; t += HOUR) if (hourOfWeek(new Date(t), zone) === target) return t;
  throw new Error('no such hour in the next 24 hours');
}

describe('send-time optimisation', () => {
  it('picks the best hour of the week in the lead’s own zone, within 24 hours, earliest on a tie', () => {
    // Monday 2027-01-04 10:20 UTC = 11:20 in Paris, 05:20 in New York.
    const start = new Date('2027-01-04T10:20:00Z');
    expect(hourOfWeek(start, 'Europe/Paris')).toBe(11);
    expect(hourOfWeek(start, 'America/New_York')).toBe(5);
    expect(hourOfWeek(new Date('2027-01-10T22:30:00Z'), 'Europe/Paris')).toBe(167);
    // Opens on Mondays at 18:00 in Paris: today 17:00 UTC.
    const paris = profileOf([{ at: new Date('2026-12-28T17:10:00Z'), timeZone: 'Europe/Paris' }]);
    expect(bestSendTime(paris, start, 'Europe/Paris')?.toISOString()).toBe('2027-01-04T17:00:00.000Z');
    // The same opens seen from New York (12:10 there): Monday 12:00 in New York is 17:00 UTC too.
    const ny = profileOf([{ at: new Date('2026-12-28T17:10:00Z'), timeZone: 'America/New_York' }]);
    expect(bestSendTime(ny, start, 'America/New_York')?.toISOString()).toBe('2027-01-04T17:00:00.000Z');
    // Engagement at the current hour: now. Engagement only later than 24 hours away (Tuesday 18:00 is in 31 h):
    // nothing to go by in the window (the caller falls back to the workspace's profile, then to now).
    expect(bestSendTime(profileOf([{ at: new Date('2026-12-28T10:05:00Z'), timeZone: 'UTC' }]), start, 'UTC')?.toISOString()).toBe(start.toISOString());
    expect(bestSendTime(profileOf([{ at: new Date('2026-12-29T17:05:00Z'), timeZone: 'UTC' }]), start, 'UTC')).toBeNull();
    expect(bestSendTime(new Array(168).fill(0), start, 'UTC')).toBeNull();
    // Two hours with engagement in the window: the busier wins, whichever comes first.
    const two = profileOf([
      { at: new Date('2026-12-28T12:00:00Z'), timeZone: 'UTC' },
      { at: new Date('2026-12-28T20:00:00Z'), timeZone: 'UTC' },
      { at: new Date('2026-12-21T20:30:00Z'), timeZone: 'UTC' },
    ]);
    expect(bestSendTime(two, start, 'UTC')?.toISOString()).toBe('2027-01-04T20:00:00.000Z');
  });

  it('schedules each recipient at their best hour, holds 10 % out, and compares the open rates', async () => {
    const ws = await signUp(t.app);
    await ws.client.patch('/api/workspace', { postal_address: '12 rue des Lilas, 75011 Paris', timezone: 'Europe/Paris' });
    const tag = Date.now().toString(36);
    await t.runtime.database.raw.query(
      `INSERT INTO leads (workspace_id, email, timezone) SELECT $1, 'sto' || g || '-' || $2 || '@exemple.fr', CASE WHEN g % 2 = 0 THEN 'America/New_York' END FROM generate_series(1, 200) AS g`,
      [ws.workspaceId, tag],
    );
    // History: an older campaign the first 50 leads opened a week ago, 5 hours from now; lead 51 opened three
    // times a week ago, 10 hours from now (the workspace's busiest hour); the others never opened.
    const old = (await ws.client.post(BASE, { name: 'Ancienne', subject: 'Ancienne', html_content: HTML })).json().id as string;
    const now = Date.now();
    const history = (from: number, to: number, hoursAhead: number) =>
      t.runtime.database.raw.query(
        `INSERT INTO email_sends (workspace_id, campaign_id, lead_id, email, status, claimed_at, sent_at, opened_at, created_at)
         SELECT workspace_id, $2, id, email, 'sent', $3::timestamptz, $3::timestamptz, $3::timestamptz, $3::timestamptz FROM leads
         WHERE workspace_id = $1 AND email ~ ('^sto(' || $4 || ')-')`,
        [
          ws.workspaceId,
          old,
          new Date(now + hoursAhead * HOUR - 7 * 24 * HOUR).toISOString(),
          Array.from({ length: to - from + 1 }, (_, i) => from + i).join('|'),
        ],
      );
    await history(1, 50, 5);
    const ownAt = new Date(now + 5 * HOUR - 7 * 24 * HOUR);
    const busiestAt = new Date(now + 10 * HOUR - 7 * 24 * HOUR);
    const busiest = busiestAt.toISOString();
    await t.runtime.database.raw.query(
      `UPDATE email_sends SET opened_at = $2, clicked_at = $2, claimed_at = $2 WHERE lead_id IN (SELECT id FROM leads WHERE email LIKE 'sto51-%') AND campaign_id = $1`,
      [old, busiest],
    );
    await t.runtime.database.raw.query(
      `INSERT INTO email_sends (workspace_id, campaign_id, lead_id, email, status, claimed_at, opened_at, source, dedupe_key)
       SELECT workspace_id, $2, id, email, 'sent', $3::timestamptz, $3::timestamptz, 'automation', 'x' || g FROM leads, generate_series(1, 60) AS g WHERE workspace_id = $1 AND email LIKE 'sto51-%'`,
      [ws.workspaceId, old, busiest],
    );

    const campaign = (await ws.client.post(BASE, { name: 'Optimisée', subject: 'Optimisée', html_content: HTML, send_time_optimization: true })).json();
    expect(campaign.send_time_optimization).toBe(true);
    expect((await ws.client.post(`${BASE}/${campaign.id}/send`, {})).statusCode).toBe(202);
    await t.drain();
    const rows = (
      await t.runtime.database.raw.query<{ email: string; send_time: string; next_attempt_at: Date; status: string }>(
        `SELECT s.email, s.send_time, s.next_attempt_at, s.status FROM email_sends s WHERE campaign_id = $1`,
        [campaign.id],
      )
    ).rows;
    const n = (email: string) => Number(/^sto(\d+)-/.exec(email)![1]);
    const holdout = rows.filter((r) => r.send_time === 'holdout');
    // About 10 % held out (a hash, not an exact count), all sent at once.
    expect(holdout.length).toBeGreaterThan(5);
    expect(holdout.length).toBeLessThan(40);
    expect(holdout.every((r) => r.status === 'sent')).toBe(true);
    const sentAt = new Date((await ws.client.get(`${BASE}/${campaign.id}`)).json().sent_at).getTime();
    for (const r of rows.filter((r) => r.send_time !== 'holdout')) {
      const lead = n(r.email);
      // Own history (leads 1–50): the hour of the week of their open (5 hours from now, last week), in their zone.
      // The rest: the workspace's busiest hour of the week (seen in Paris, 10 hours from now) as local time: in New
      // York (even leads) that local time comes 6 hours later.
      if (lead <= 51) expect(r.send_time, r.email).toBe('own_history');
      else expect(r.send_time, r.email).toBe('workspace');
      const zone = lead % 2 === 0 ? 'America/New_York' : 'Europe/Paris';
      const seenAt = lead <= 50 ? ownAt : busiestAt;
      const seenIn = lead <= 50 ? zone : 'Europe/Paris';
      const expected = firstHourLike(sentAt, seenAt, seenIn, zone);
      expect(new Date(r.next_attempt_at).getTime(), r.email).toBe(expected);
      expect(r.status).toBe('queued');
    }
    let report = (await ws.client.get(`${BASE}/${campaign.id}/report`)).json();
    expect(report.send_time.holdout).toMatchObject({ recipients: holdout.length, delivered: holdout.length });
    expect(report.send_time.optimized).toMatchObject({ recipients: 200 - holdout.length, delivered: 0 });
    expect(report.send_time.basis.own_history + report.send_time.basis.workspace).toBe(200 - holdout.length);
    expect(new Date(report.send_time.last_scheduled_at).getTime()).toBe(firstHourLike(sentAt, busiestAt, 'Europe/Paris', 'America/New_York'));
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json().status).toBe('active');

    // Their hours come (moved here, not waited for): the sender sends them and the campaign completes.
    await t.runtime.database.raw.query(`UPDATE email_sends SET next_attempt_at = now() WHERE campaign_id = $1 AND status = 'queued'`, [campaign.id]);
    await campaignSenderJob.handler({ campaign_id: campaign.id, slot: 0 }, t.runtime);
    await t.drain();
    report = (await ws.client.get(`${BASE}/${campaign.id}/report`)).json();
    expect(report.send_time.optimized.delivered).toBe(200 - holdout.length);
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json().status).toBe('completed');

    // Not with an A/B test.
    const both = (
      await ws.client.post(BASE, {
        name: 'Les deux',
        subject: 'S',
        html_content: HTML,
        send_time_optimization: true,
        ab_test: { variants: [{ subject: 'T' }], test_share: 0.2, metric: 'open_rate', duration_hours: 2 },
      })
    ).json();
    const refused = await ws.client.post(`${BASE}/${both.id}/send`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: 'body.send_time_optimization', code: 'sto_with_ab_test' });
  });
});
