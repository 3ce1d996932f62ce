import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from '../../../test/harness.js';
import { seedEmailDemo } from './email.demo.js';

// The demo workspace's campaigns: sent by the engine into the outbox, opened and clicked through the tracking
// service, so the cards and reports show real numbers; one scheduled, one draft.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('demo campaigns', () => {
  it('sends two campaigns through the engine, with opens, clicks and machine opens apart, and keeps one scheduled and one draft', async () => {
    const ws = await signUp(t.app);
    expect((await ws.client.post('/api/workspace/demo-data')).statusCode).toBe(201);
    await seedEmailDemo(t.runtime, ws.workspaceId, ws.userId);
    const campaigns = (await ws.client.get('/api/marketing/email-campaigns')).json().items as {
      id: string;
      name: string;
      status: string;
      total_sent: number;
      open_rate: number | null;
      click_rate: number | null;
      sent_at: string | null;
    }[];
    expect(campaigns.map((c) => c.status).sort()).toEqual(['completed', 'completed', 'draft', 'scheduled']);
    const sent = campaigns.filter((c) => c.status === 'completed');
    for (const campaign of sent) {
      expect(campaign.total_sent).toBeGreaterThan(200);
      expect(campaign.open_rate).toBeGreaterThan(0.2);
      expect(campaign.click_rate).toBeGreaterThan(0);
      expect(Date.parse(campaign.sent_at!)).toBeLessThan(Date.now() - 4 * 86_400_000);
      const report = (await ws.client.get(`/api/marketing/email-campaigns/${campaign.id}/report`)).json();
      expect(report.kept_in_outbox).toBe(report.delivered);
      expect(report.opens.machine).toBeGreaterThan(0);
      expect(report.timeline.length).toBeGreaterThan(5);
      expect(report.links.some((l: { unique_clicks: number }) => l.unique_clicks > 0)).toBe(true);
    }
    const outbox = (await ws.client.get('/api/workspace/outbox')).json().items as { subject: string }[];
    expect(outbox.some((m) => /novembre|accompagnement/.test(m.subject))).toBe(true);

    // The sequence ran its steps (three days ago, then now) into the outbox, and was left paused.
    const [sequence] = (await ws.client.get('/api/marketing/sequences')).json().items;
    expect(sequence).toMatchObject({ name: 'Bienvenue nouveaux inscrits', status: 'paused' });
    expect(sequence.totals.enrolled).toBe(24);
    const report = (await ws.client.get(`/api/marketing/sequences/${sequence.id}/report`)).json();
    // Leads already won reach the goal at once (conversions); the others get the welcome email.
    const [welcome, , , reminder] = report.steps;
    expect(report.exits.goal).toBeGreaterThan(0);
    expect(welcome.email).toMatchObject({ sent: 24 - report.exits.goal, delivered: 24 - report.exits.goal });
    expect(welcome.email.clicked).toBeGreaterThan(0);
    // Those who did not click got the reminder; everyone is done.
    expect(reminder.email.sent).toBe(welcome.email.sent - welcome.email.clicked);
    expect(report.totals.completed + report.totals.exited).toBe(24);
    const queued = await t.runtime.database.raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM email_sends WHERE workspace_id = $1 AND status = 'queued'`,
      [ws.workspaceId],
    );
    expect(queued.rows[0]!.n).toBe(0);
  });
});
