import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_STATUSES } from '../../contracts/crm.js';
import { signUp, startTestApp, type TestContext } from '../../../test/harness.js';
import { seedCrmDemo } from './crm.demo.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('CRM demo data', () => {
  it('fills a workspace with a French pipeline across every status, with interactions', async () => {
    const ws = await signUp(t.app);
    await seedCrmDemo(t.runtime.db, ws.workspaceId, ws.userId);
    const stats = (await ws.client.get('/api/marketing/leads/stats')).json();
    expect(stats.total_leads).toBe(240);
    for (const status of LEAD_STATUSES) {
      expect(stats.by_status.find((s: { status: string }) => s.status === status).count, status).toBeGreaterThan(0);
    }
    expect(stats.conversion_rate).toBeGreaterThan(0);
    expect(stats.average_days_to_win).toBeGreaterThan(0);
    const won = (await ws.client.get('/api/marketing/leads?status=won&limit=1')).json().items[0];
    expect((await ws.client.get(`/api/marketing/leads/${won.id}/interactions`)).json()).toHaveLength(1);
    expect(won.custom_fields).toHaveProperty('secteur');
  });

  it('comes with custom fields, saved segments that compile and count, and an automation', async () => {
    const ws = await signUp(t.app);
    await seedCrmDemo(t.runtime.db, ws.workspaceId, ws.userId);
    const fields = (await ws.client.get('/api/marketing/custom-fields')).json();
    expect(fields.map((f: { key: string }) => f.key)).toEqual(['secteur', 'budget_annuel', 'rgpd_ok']);
    const segments = (await ws.client.get('/api/marketing/segments')).json() as { id: string; name: string }[];
    expect(segments.map((s) => s.name)).toEqual(['Inscrits au webinar', 'Prospects chauds']);
    for (const segment of segments) {
      const page = (await ws.client.get(`/api/marketing/leads?segment_id=${segment.id}&limit=200`)).json();
      expect(page.items.length, segment.name).toBeGreaterThan(0);
      expect(page.items.length, segment.name).toBeLessThan(240);
    }
    const automations = (await ws.client.get('/api/marketing/automations')).json();
    expect(automations).toHaveLength(1);
  });
});
