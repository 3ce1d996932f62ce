import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { emailHash } from './email-hash.js';

let t: TestContext;
let owner: SignedUp;
beforeAll(async () => {
  t = await startTestApp();
  owner = await signUp(t.app);
});
afterAll(() => t.close());

describe('lead privacy', () => {
  it('exports everything held on a lead as JSON', async () => {
    const email = uniqueEmail('gdpr-export');
    const lead = (await owner.client.post('/api/marketing/leads', { first_name: 'Inès', email, notes: 'Préfère le téléphone' })).json();
    await owner.client.post(`/api/marketing/leads/${lead.id}/interactions`, { interaction_type: 'call', subject: 'Premier appel' });
    const res = await owner.client.get(`/api/marketing/leads/${lead.id}/privacy-export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`lead-${lead.id}.json`);
    const data = res.json();
    expect(data.lead).toMatchObject({ first_name: 'Inès', email: email.toLowerCase(), notes: 'Préfère le téléphone' });
    expect(data.interactions.map((i: { subject: string }) => i.subject)).toEqual(['Premier appel']);
    expect(data.events.map((e: { event_type: string }) => e.event_type)).toEqual(expect.arrayContaining(['created', 'interaction_added']));
  });

  it('erases a lead, keeps only the hash of its email and refuses to bring it back', async () => {
    const email = uniqueEmail('gdpr-erase');
    const lead = (await owner.client.post('/api/marketing/leads', { first_name: 'Jules', email })).json();
    await owner.client.post(`/api/marketing/leads/${lead.id}/interactions`, { interaction_type: 'note', content: 'Secret' });

    const res = await owner.client.post(`/api/marketing/leads/${lead.id}/erase`, {});
    expect(res.json()).toEqual({ erased: true, suppressed: true });
    expect((await owner.client.get(`/api/marketing/leads/${lead.id}`)).statusCode).toBe(404);

    const { rows } = await t.runtime.database.raw.query<{ email_hash: string }>('select email_hash from lead_suppressions where workspace_id = $1', [owner.workspaceId]);
    expect(rows.map((r) => r.email_hash)).toEqual([emailHash(email)]);
    const leftovers = await t.runtime.database.raw.query(
      `select 1 from lead_events where lead_id = $1 union all select 1 from lead_interactions where lead_id = $1`,
      [lead.id],
    );
    expect(leftovers.rows).toHaveLength(0);

    const again = await owner.client.post('/api/marketing/leads', { first_name: 'Jules', email: email.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ path: 'body.email', message: 'erased on request (suppression list)' }]);
  });

  it('lets only admins export or erase', async () => {
    const lead = (await owner.client.post('/api/marketing/leads', { email: uniqueEmail('gdpr-role') })).json();
    const key = (await owner.client.post('/api/workspace/api-keys', { name: 'member', role: 'member' })).json().key;
    const member = new Client(t.app, { bearer: key });
    expect((await member.post(`/api/marketing/leads/${lead.id}/erase`, {})).statusCode).toBe(403);
    expect((await member.get(`/api/marketing/leads/${lead.id}/privacy-export`)).statusCode).toBe(403);
  });
});
