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

    const { rows } = await t.runtime.database.raw.query<{ email_hash: string }>('select email_hash from lead_suppressions where workspace_id = $1', [
      owner.workspaceId,
    ]);
    expect(rows.map((r) => r.email_hash)).toEqual([emailHash(email)]);
    const leftovers = await t.runtime.database.raw.query(
      `select 1 from lead_events where lead_id = $1 union all select 1 from lead_interactions where lead_id = $1`,
      [lead.id],
    );
    expect(leftovers.rows).toHaveLength(0);

    const again = await owner.client.post('/api/marketing/leads', { first_name: 'Jules', email: email.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ path: 'body.email', message: 'erased on request (suppression list)', code: 'email_suppressed' }]);
  });

  it('erases by every email the lead ever had and by full name: reports cleaned, old and new emails suppressed', async () => {
    const oldEmail = uniqueEmail('gdpr-old');
    const newEmail = uniqueEmail('gdpr-new');
    const lead = (await owner.client.post('/api/marketing/leads', { first_name: 'Maëlys', last_name: 'Dufresne-Erase', email: oldEmail })).json();
    expect((await owner.client.patch(`/api/marketing/leads/${lead.id}`, { email: newEmail })).statusCode).toBe(200);

    // An import report that quoted the person under the old email, one under the name only, and an unrelated row.
    const db = t.runtime.database.raw;
    const { rows: imports } = await db.query<{ id: string }>(
      `insert into lead_imports (workspace_id, file_name, mapping, on_duplicate) values ($1, 'old.csv', '{}', 'skip') returning id`,
      [owner.workspaceId],
    );
    const importId = imports[0]!.id;
    const insertFailure = (n: number, raw: Record<string, string>) =>
      db.query(`insert into lead_import_failures (workspace_id, import_id, row_number, reason, raw) values ($1, $2, $3, 'invalid', $4)`, [
        owner.workspaceId,
        importId,
        n,
        JSON.stringify(raw),
      ]);
    await insertFailure(2, { email: oldEmail.toUpperCase(), phone: 'not a phone' });
    await insertFailure(3, { name: 'maëlys dufresne-erase', phone: 'x' });
    await insertFailure(4, { email: 'someone.else@example.com', phone: 'x' });

    expect((await owner.client.post(`/api/marketing/leads/${lead.id}/erase`, {})).json()).toEqual({ erased: true, suppressed: true });

    const { rows: left } = await db.query<{ raw: Record<string, string> }>('select raw from lead_import_failures where import_id = $1', [importId]);
    expect(left.map((r) => r.raw)).toEqual([{ email: 'someone.else@example.com', phone: 'x' }]);
    const { rows: hashes } = await db.query<{ email_hash: string }>('select email_hash from lead_suppressions where workspace_id = $1', [owner.workspaceId]);
    expect(hashes.map((r) => r.email_hash)).toEqual(expect.arrayContaining([emailHash(oldEmail), emailHash(newEmail)]));
    for (const email of [oldEmail, ` ${newEmail.toUpperCase()} `]) {
      const again = await owner.client.post('/api/marketing/leads', { first_name: 'Maëlys', email: email.trim() });
      expect(again.statusCode, email).toBe(409);
    }
  });

  it('lets only admins export or erase', async () => {
    const lead = (await owner.client.post('/api/marketing/leads', { email: uniqueEmail('gdpr-role') })).json();
    const key = (await owner.client.post('/api/workspace/api-keys', { name: 'member', role: 'member' })).json().key;
    const member = new Client(t.app, { bearer: key });
    expect((await member.post(`/api/marketing/leads/${lead.id}/erase`, {})).statusCode).toBe(403);
    expect((await member.get(`/api/marketing/leads/${lead.id}/privacy-export`)).statusCode).toBe(403);
  });
});
