import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture } from '../../../test/smtp-capture.js';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';
import { abDecideJob } from './email-ab-test.js';

// The A/B metric "revenue per recipient" on a real SMTP server on loopback: the test share sent, revenue attributed
// to some of each variant's messages (as email-conversions.ts writes it for orders), and the decision at the test's
// end: a winner when one variant clearly brings more per delivered message, none when the difference is noise.

const capture = await startSmtpCapture();
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

async function workspaceWith(n: number, tag: string): Promise<SignedUp> {
  const ws = await signUp(t.app);
  await ws.client.patch('/api/workspace', { legal_name: 'Atelier SAS', postal_address: '12 rue des Lilas, 75011 Paris' });
  await t.runtime.database.raw.query(
    `INSERT INTO leads (workspace_id, first_name, email) SELECT $1, 'Lea' || g, 'rev-' || g || '-' || $3 || '@exemple.fr' FROM generate_series(1, $2::int) AS g`,
    [ws.workspaceId, n, tag],
  );
  return ws;
}

/** A campaign testing a subject on revenue per recipient, sent: returns once every test message is out. */
async function sentTest(ws: SignedUp, name: string): Promise<string> {
  const res = await ws.client.post(BASE, {
    name,
    subject: 'Les soldes commencent',
    html_content: HTML,
    ab_test: { variants: [{ subject: `${name} : -30 %` }], test_share: 0.5, metric: 'revenue_per_recipient', duration_hours: 4 },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  expect((await ws.client.post(`${BASE}/${id}/send`, {})).statusCode).toBe(202);
  await t.drain();
  for (let round = 0; round < 240; round++) {
    const counts = await t.runtime.database.raw.query<{ made: number; pending: number }>(
      `SELECT count(*)::int AS made, count(*) FILTER (WHERE status IN ('queued', 'sending'))::int AS pending
         FROM email_sends WHERE campaign_id = $1 AND variant IS NOT NULL AND status <> 'held'`,
      [id],
    );
    if (counts.rows[0]!.made > 0 && counts.rows[0]!.pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
    await t.drain();
  }
  return id;
}

/** Every `every`-th delivered message of the variant brought an order of `euros` (attributed as the subscriber writes it). */
async function ordersOn(campaignId: string, variant: string, every: number, euros: number): Promise<void> {
  await t.runtime.database.raw.query(
    `INSERT INTO email_conversions (workspace_id, lead_id, send_id, campaign_id, event_id, goal, revenue)
     SELECT workspace_id, lead_id, id, campaign_id, gen_random_uuid(), 'order_paid', $4
     FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM email_sends WHERE campaign_id = $1 AND variant = $2 AND status = 'sent') s
     WHERE n % $3 = 0`,
    [campaignId, variant, every, euros],
  );
}

async function abReport(ws: SignedUp, id: string) {
  return (await ws.client.get(`${BASE}/${id}/report`)).json().ab_test;
}

describe('A/B tests on revenue per recipient', () => {
  it('picks the variant that clearly brings more per delivered message, and none on noise', async () => {
    const tag = `r${Date.now().toString(36)}`;
    const ws = await workspaceWith(500, tag);

    // B: one message in 4 brought a 40 € order, A: one in 20.
    const clear = await sentTest(ws, 'Nette');
    await ordersOn(clear, 'A', 20, 40);
    await ordersOn(clear, 'B', 4, 40);
    let r = await abReport(ws, clear);
    expect(r).toMatchObject({ metric: 'revenue_per_recipient', state: 'testing' });
    const [a, b] = r.variants as { delivered: number; paying: number; revenue: number; rate: number; interval: [number, number] }[];
    expect(a!.delivered).toBeGreaterThanOrEqual(100);
    expect(b!.paying).toBe(Math.floor(b!.delivered / 4));
    expect(b!.revenue).toBe(40 * b!.paying);
    expect(b!.rate).toBeCloseTo(b!.revenue / b!.delivered, 10);
    expect(b!.interval[0]).toBeLessThan(b!.rate);
    await abDecideJob.handler({ campaign_id: clear }, t.runtime);
    r = await abReport(ws, clear);
    expect(r).toMatchObject({ state: 'decided', winner: 'B', decided_by: 'automatic', decision: { kind: 'winner', key: 'B' } });
    expect(r.variants[1].probability_to_beat_control).toBeGreaterThan(0.99);

    // The same share of buyers and the same amounts on both sides: no clear winner, A (the fallback) is kept.
    const noise = await sentTest(ws, 'Bruit');
    await ordersOn(noise, 'A', 8, 40);
    await ordersOn(noise, 'B', 8, 40);
    await abDecideJob.handler({ campaign_id: noise }, t.runtime);
    r = await abReport(ws, noise);
    expect(r).toMatchObject({ state: 'decided', winner: 'A', decision: { kind: 'no_clear_winner', key: 'A', reason: 'below_threshold' } });
    expect(r.variants[1].probability_to_beat_control).toBeGreaterThan(0.05);
    expect(r.variants[1].probability_to_beat_control).toBeLessThan(0.95);
  });
});
