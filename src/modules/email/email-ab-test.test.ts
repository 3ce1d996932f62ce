import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type TCapturedMail } from '../../../test/smtp-capture.js';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';
import { abDecideJob } from './email-ab-test.js';
import { probabilityToBeat, posterior } from '../experiments/index.js';

// A/B tests of campaigns on a real SMTP server on loopback: the test share split between variants, the rest held,
// the decision by the experiments module's rule (automatic, by hand, blocked by a sample ratio mismatch), and the
// winner sent only to the rest.

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

const BASE = '/api/marketing/email-campaigns';
const HTML = `<p>Bonjour {{ lead.first_name }}</p><p><a href="https://atelier.example.fr/offre">L'offre</a></p>
<p>{{ workspace.postal_address }} · <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>`;
const person = { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)' };

async function workspaceWith(n: number, tag: string) {
  const ws = await signUp(t.app);
  await ws.client.patch('/api/workspace', { legal_name: 'Atelier SAS', postal_address: '12 rue des Lilas, 75011 Paris' });
  // Many leads at once, as an import would write them (the API's one-by-one creation is not what is tested here).
  await t.runtime.database.raw.query(
    `INSERT INTO leads (workspace_id, first_name, email) SELECT $1, 'Lea' || g, 'ab-' || g || '-' || $3 || '@exemple.fr' FROM generate_series(1, $2::int) AS g`,
    [ws.workspaceId, n, tag],
  );
  return ws;
}

async function abCampaign(ws: SignedUp, abTest: Record<string, unknown>) {
  const res = await ws.client.post(BASE, { name: 'Soldes', subject: 'Les soldes commencent', html_content: HTML, ab_test: abTest });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

function received_(tag: string): TCapturedMail[] {
  return received.filter((r) => r.to.endsWith(`-${tag}@exemple.fr`));
}

async function report(ws: SignedUp, id: string) {
  return (await ws.client.get(`${BASE}/${id}/report`)).json();
}

/** Opens the message of these recipients as a person would (the pixel). */
async function open(messages: TCapturedMail[]) {
  for (const m of messages) {
    const pixel = /<img src="([^"]+\/e\/o\/[^"]+)"/.exec(m.mail.html as string)![1]!;
    const url = new URL(pixel);
    await t.publicApp.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: person });
  }
}

describe('A/B tests of campaigns', () => {
  it('sends the test share split between variants, holds the rest, and sends the winner only to the rest', async () => {
    const tag = `w${Date.now().toString(36)}`;
    const ws = await workspaceWith(600, tag);
    const campaign = await abCampaign(ws, { variants: [{ subject: 'Dernière chance : -30 %' }], test_share: 0.5, metric: 'open_rate', duration_hours: 4 });
    expect((await ws.client.post(`${BASE}/${campaign.id}/send`, {})).statusCode).toBe(202);
    await t.drain();
    const test = received_(tag);
    const bySubject = (list: TCapturedMail[], subject: string) => list.filter((m) => m.mail.subject === subject);
    const a = bySubject(test, 'Les soldes commencent');
    const b = bySubject(test, 'Dernière chance : -30 %');
    // About half in the test, split about equally; nobody twice; the rest waits.
    expect(a.length + b.length).toBe(test.length);
    expect(test.length).toBeGreaterThan(240);
    expect(test.length).toBeLessThan(360);
    expect(Math.abs(a.length - b.length)).toBeLessThan(60);
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json().status).toBe('active');
    let r = await report(ws, campaign.id);
    expect(r.ab_test).toMatchObject({ state: 'testing', winner: null, rest: { waiting: 600 - test.length, sent: 0 } });
    expect(r.ab_test.variants.map((v: { key: string; recipients: number }) => [v.key, v.recipients])).toEqual([
      ['A', a.length],
      ['B', b.length],
    ]);

    // B is opened far more: at the test's end the rule picks it.
    await open(a.slice(0, Math.round(a.length * 0.2)));
    await open(b.slice(0, Math.round(b.length * 0.5)));
    await abDecideJob.handler({ campaign_id: campaign.id }, t.runtime);
    await t.drain();
    const rest = received_(tag).slice(test.length);
    expect(rest.length).toBe(600 - test.length);
    expect(new Set(rest.map((m) => m.mail.subject))).toEqual(new Set(['Dernière chance : -30 %']));
    expect(new Set(received_(tag).map((m) => m.to)).size).toBe(600);
    r = await report(ws, campaign.id);
    expect(r.ab_test).toMatchObject({ state: 'decided', winner: 'B', decided_by: 'automatic', decision: { kind: 'winner', key: 'B' } });
    expect(r.ab_test.rest).toEqual({ waiting: 0, sent: 600 - test.length });
    // The probability shown is the experiments module's on the test's own numbers (the rest's opens never count).
    const [va, vb] = r.ab_test.variants;
    expect(vb.probability_to_beat_control).toBeCloseTo(
      probabilityToBeat(posterior({ trials: vb.delivered, successes: vb.opened }), posterior({ trials: va.delivered, successes: va.opened })),
      9,
    );
    expect(vb.probability_to_beat_control).toBeGreaterThan(0.99);
    expect((await ws.client.get(`${BASE}/${campaign.id}`)).json()).toMatchObject({ status: 'completed', ab_winner: 'B' });
    // Decided once: a late pick is refused.
    expect((await ws.client.post(`${BASE}/${campaign.id}/ab-test/winner`, { variant: 'A' })).json().reason).toBe('campaign_status');
  });

  it('keeps the fallback without a clear winner, lets a member pick by hand, and blocks on a sample ratio mismatch', async () => {
    const tag = `m${Date.now().toString(36)}`;
    const ws = await workspaceWith(300, tag);
    // No opens at all: no clear winner, the fallback (B, marked by the user) goes to the rest.
    const quiet = await abCampaign(ws, { variants: [{ from_name: 'Camille' }], test_share: 0.4, metric: 'click_rate', duration_hours: 1, fallback: 'B' });
    await ws.client.post(`${BASE}/${quiet.id}/send`, {});
    await t.drain();
    await abDecideJob.handler({ campaign_id: quiet.id }, t.runtime);
    await t.drain();
    let r = await report(ws, quiet.id);
    expect(r.ab_test).toMatchObject({ state: 'decided', winner: 'B', decision: { kind: 'no_clear_winner', key: 'B', reason: 'not_enough_data' } });

    // By hand, before the end: the rest gets the chosen variant at once; a second pick is refused.
    const byHand = await abCampaign(ws, {
      variants: [{ subject: 'Variante B' }, { subject: 'Variante C' }],
      test_share: 0.3,
      metric: 'open_rate',
      duration_hours: 24,
    });
    await ws.client.post(`${BASE}/${byHand.id}/send`, {});
    await t.drain();
    const before = received_(tag).length;
    const picked = await ws.client.post(`${BASE}/${byHand.id}/ab-test/winner`, { variant: 'C' });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json().ab_winner).toBe('C');
    expect((await ws.client.post(`${BASE}/${byHand.id}/ab-test/winner`, { variant: 'B' })).json().reason).toBe('ab_test_decided');
    await t.drain();
    const rest = received_(tag).slice(before);
    expect(new Set(rest.map((m) => m.mail.subject))).toEqual(new Set(['Variante C']));
    r = await report(ws, byHand.id);
    expect(r.ab_test).toMatchObject({ state: 'decided', winner: 'C', decided_by: 'manual' });
    expect(r.ab_test.rest.sent).toBe(rest.length);

    // A sample ratio mismatch (B's messages mostly failed: its group is not comparable): no automatic decision.
    const skewed = await abCampaign(ws, { variants: [{ subject: 'Déséquilibrée' }], test_share: 0.6, metric: 'open_rate', duration_hours: 2 });
    await ws.client.post(`${BASE}/${skewed.id}/send`, {});
    await t.drain();
    // On a loaded machine the sender may leave part of the test group for its next slice: every variant message
    // must be out before B's are made to fail, or the mismatch is smaller than meant.
    // (The messages may not even be made yet when the drain returns: "nothing pending" counts only once they exist.)
    for (let round = 0; round < 240; round++) {
      const counts = await t.runtime.database.raw.query<{ made: number; pending: number }>(
        `SELECT count(*)::int AS made, count(*) FILTER (WHERE status IN ('queued', 'sending'))::int AS pending
           FROM email_sends WHERE campaign_id = $1 AND variant IS NOT NULL AND status <> 'held'`,
        [skewed.id],
      );
      if (counts.rows[0]!.made > 0 && counts.rows[0]!.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
      await t.drain();
    }
    const failed = await t.runtime.database.raw.query(
      `UPDATE email_sends SET status = 'failed' WHERE id IN (SELECT id FROM email_sends WHERE campaign_id = $1 AND variant = 'B' AND status = 'sent' ORDER BY id LIMIT 60) RETURNING id`,
      [skewed.id],
    );
    expect(failed.rows.length, 'B had 60 messages sent to make fail').toBe(60);
    await abDecideJob.handler({ campaign_id: skewed.id }, t.runtime);
    r = await report(ws, skewed.id);
    expect(r.ab_test).toMatchObject({ state: 'waiting_for_choice', winner: null, decision: { kind: 'blocked', reason: 'sample_ratio_mismatch' } });
    expect(r.ab_test.sample_ratio.mismatch).toBe(true);
    expect(r.ab_test.rest.waiting).toBeGreaterThan(0);
    expect((await ws.client.get(`${BASE}/${skewed.id}`)).json().status).toBe('active');
    expect((await ws.client.post(`${BASE}/${skewed.id}/ab-test/winner`, { variant: 'A' })).statusCode).toBe(200);
    await t.drain();
    expect((await report(ws, skewed.id)).ab_test).toMatchObject({ state: 'decided', winner: 'A', rest: { waiting: 0 } });
  });

  it('checks a test when it is saved and when it is sent', async () => {
    const tag = `v${Date.now().toString(36)}`;
    const ws = await workspaceWith(3, tag);
    const bad = async (abTest: unknown) => {
      const res = await ws.client.post(BASE, { name: 'X', subject: 'S', html_content: HTML, ab_test: abTest });
      expect(res.statusCode).toBe(400);
      return res.json().errors as { path: string; code: string }[];
    };
    const base = { test_share: 0.2, metric: 'open_rate', duration_hours: 4 };
    expect((await bad({ ...base, variants: [{}] }))[0]).toMatchObject({ path: 'body.ab_test.variants.0', code: 'variant_empty' });
    expect((await bad({ ...base, variants: [{ subject: 'B' }], fallback: 'C' }))[0]).toMatchObject({ path: 'body.ab_test.fallback', code: 'unknown_variant' });
    expect((await bad({ ...base, variants: [{ subject: 'B' }, { subject: 'C' }, { subject: 'D' }, { subject: 'E' }, { subject: 'F' }] }))[0]!.path).toBe(
      'body.ab_test.variants',
    );
    expect((await bad({ ...base, test_share: 0.01, variants: [{ subject: 'B' }] }))[0]!.path).toBe('body.ab_test.test_share');
    expect((await bad({ ...base, variants: [{ subject: 'Bonjour {{ lead.first_name' }] }))[0]).toMatchObject({
      path: 'body.ab_test.variants.0.subject',
      code: 'liquid_syntax',
    });
    // A content variant without an unsubscribe link: saved, but not sendable.
    const campaign = await abCampaign(ws, { ...base, variants: [{ html_content: '<p>Autre version</p>' }] });
    const send = await ws.client.post(`${BASE}/${campaign.id}/send`, {});
    expect(send.statusCode).toBe(400);
    expect(send.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      'body.ab_test.variants.0.html_content unsubscribe_link_missing',
      'body.ab_test.variants.0.html_content postal_address_not_shown',
    ]);
    // Without a test: no A/B part in the report, no pick.
    const plain = (await ws.client.post(BASE, { name: 'Simple', subject: 'S', html_content: HTML })).json();
    expect((await report(ws, plain.id)).ab_test).toBeNull();
    expect((await ws.client.post(`${BASE}/${plain.id}/ab-test/winner`, { variant: 'A' })).json().reason).toBe('no_ab_test');
  });
});
