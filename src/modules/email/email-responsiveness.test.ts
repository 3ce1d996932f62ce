import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from '../../../test/harness.js';
import { runCampaignSender } from './email-sender.js';
import { resolveCampaignRecipientsJob } from './email-sending.jobs.js';

// A member's big send must not stall the server for everyone: while a campaign of 3,000 recipients is resolved
// and sent (into the outbox, in this process, as `npm start` runs it), /api/health and another workspace's lead
// list answer within a second each, on PGlite (one connection) and on PostgreSQL.

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const RECIPIENTS = 3_000;

describe('a campaign sending', () => {
  it('leaves /api/health and the lead list answering within a second', { timeout: 180_000 }, async () => {
    const sender = await signUp(t.app);
    const bystander = await signUp(t.app);
    await sender.client.patch('/api/workspace', { postal_address: '1 rue du Test, 75001 Paris' });
    await t.runtime.database.raw.query(
      `INSERT INTO leads (workspace_id, first_name, email) SELECT $1, 'Lead ' || g, 'lead' || g || '@exemple.fr' FROM generate_series(1, $2::int) g`,
      [sender.workspaceId, RECIPIENTS],
    );
    await bystander.client.post('/api/marketing/leads', { first_name: 'Voisin' });
    const created = await sender.client.post('/api/marketing/email-campaigns', {
      name: 'Gros envoi',
      subject: 'Bonjour {{ lead.first_name }}',
      html_content:
        '<p>Bonjour {{ lead.first_name }}</p><p><a href="https://exemple.fr">Lien</a> {{ workspace.postal_address }} <a href="{{ unsubscribe_url }}">Désinscription</a></p>',
    });
    const id = created.json().id as string;
    expect((await sender.client.post(`/api/marketing/email-campaigns/${id}/send`, {})).statusCode).toBe(202);

    let sending = true;
    const running = (async () => {
      await resolveCampaignRecipientsJob.handler({ campaign_id: id }, t.runtime);
      while ((await runCampaignSender(t.runtime, id, { budgetMs: 30_000 })).kind === 'again');
    })().finally(() => {
      sending = false;
    });
    const slowest = { health: 0, list: 0 };
    let probes = 0;
    while (sending) {
      let t0 = performance.now();
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      slowest.health = Math.max(slowest.health, performance.now() - t0);
      t0 = performance.now();
      expect((await bystander.client.get('/api/marketing/leads?limit=50')).statusCode).toBe(200);
      slowest.list = Math.max(slowest.list, performance.now() - t0);
      probes++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await running;
    expect((await sender.client.get(`/api/marketing/email-campaigns/${id}`)).json()).toMatchObject({ status: 'completed', total_sent: RECIPIENTS });
    expect(probes).toBeGreaterThan(3);
    expect(slowest.health, `slowest health ${slowest.health.toFixed(0)} ms`).toBeLessThan(1000);
    expect(slowest.list, `slowest lead list ${slowest.list.toFixed(0)} ms`).toBeLessThan(1000);
  });
});
