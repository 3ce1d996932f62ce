import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';
import { messageToken } from './email-tracking-urls.js';

// Conversions per email: a lead won within the window after a click is the last clicked email's conversion, once,
// worth its estimated value; in the campaign's and the sequence's reports.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const BASE = '/api/marketing/email-campaigns';
const HTML = `<p><a href="https://atelier.example.fr/offre">L'offre</a></p><p>{{ workspace.postal_address }} <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>`;

async function sentCampaign(ws: SignedUp, name: string) {
  const campaign = (await ws.client.post(BASE, { name, subject: name, html_content: HTML })).json() as { id: string };
  expect((await ws.client.post(`${BASE}/${campaign.id}/send`, {})).statusCode).toBe(202);
  await t.drain();
  // Sent a minute ago: a click now is a person's, past the link scanners' window.
  await t.runtime.database.raw.query(`UPDATE email_sends SET sent_at = now() - interval '1 minute' WHERE campaign_id = $1`, [campaign.id]);
  return campaign.id;
}

async function click(ws: SignedUp, campaignId: string, leadId: string) {
  const report = (await ws.client.get(`${BASE}/${campaignId}/report`)).json();
  const recipients = (await ws.client.get(`${BASE}/${campaignId}/report/recipients`)).json().items as { id: string; lead_id: string }[];
  const message = recipients.find((r) => r.lead_id === leadId)!;
  const res = await t.publicApp.inject({
    method: 'GET',
    url: `/e/c/${messageToken(t.runtime.secrets, message.id)}/${report.links[0].id}`,
    headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0' },
  });
  expect(res.statusCode).toBe(302);
}

describe('conversions per email', () => {
  it('gives a won lead to the last email clicked within the window, once, with its value', async () => {
    const ws = await signUp(t.app);
    await ws.client.patch('/api/workspace', { postal_address: '12 rue des Lilas, 75011 Paris' });
    const tag = Date.now().toString(36);
    const ids: string[] = [];
    for (const name of ['ana', 'bob', 'cyd'])
      ids.push((await ws.client.post('/api/marketing/leads', { email: `${name}-${tag}@exemple.fr`, estimated_value: 1500 })).json().id);
    const [ana, bob, cyd] = ids as [string, string, string];
    const first = await sentCampaign(ws, 'Première');
    const second = await sentCampaign(ws, 'Seconde');
    // Ana clicks both (the second last), Bob clicks the first only, Cyd clicks nothing.
    await click(ws, first, ana);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await click(ws, second, ana);
    await click(ws, first, bob);
    // Bob's click is older than the window (set to 1 day): his win is no email's.
    await ws.client.patch('/api/marketing/email-settings', { conversion_window_days: 1 });
    await t.runtime.database.raw.query(`UPDATE email_sends SET clicked_at = now() - interval '2 days' WHERE lead_id = $1`, [bob]);
    for (const lead of [ana, bob, cyd]) expect((await ws.client.patch(`/api/marketing/leads/${lead}`, { status: 'won' })).statusCode).toBe(200);
    await t.drain();
    const conversions = async (id: string) => (await ws.client.get(`${BASE}/${id}/report`)).json().conversions;
    expect(await conversions(first)).toEqual({ count: 0, rate: 0, revenue: 0 });
    expect(await conversions(second)).toEqual({ count: 1, rate: 0.3333, revenue: 1500 });
    // Lost then won again: a second conversion event, attributed again; a replayed dispatch changes nothing.
    await ws.client.patch(`/api/marketing/leads/${ana}`, { status: 'lost' });
    await ws.client.patch(`/api/marketing/leads/${ana}`, { status: 'won' });
    await t.drain();
    expect((await conversions(second)).count).toBe(2);
    const { conversionsOnLeadEvents } = await import('./email-conversions.js');
    const [event] = (
      await t.runtime.database.raw.query<{ id: string }>(
        `SELECT id FROM lead_events WHERE lead_id = $1 AND event_type = 'status_changed' ORDER BY created_at DESC LIMIT 1`,
        [ana],
      )
    ).rows;
    await conversionsOnLeadEvents(t.runtime, [
      { id: event!.id, workspaceId: ws.workspaceId, leadId: ana, type: 'status_changed', data: { from: 'lost', to: 'won' } },
    ]);
    expect((await conversions(second)).count).toBe(2);
    expect((await ws.client.patch('/api/marketing/email-settings', { conversion_window_days: 0 })).statusCode).toBe(400);
  });
});
