import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tenant } from '../../../platform/db/tenant.js';
import type { TAuth } from '../../../platform/auth/access.js';
import { AppError } from '../../../platform/errors.js';
import { openTestDatabase } from '../../../../test/test-database.js';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { changeLeadTags, createLead } from './leads.service.js';

// Changes of one lead at the same time, and database errors that must not pass for "not a member".
// Real concurrency needs PostgreSQL (PGlite has one connection); these run on both.

let t: TestContext;
let alice: SignedUp;
let actor: TAuth;

beforeAll(async () => {
  t = await startTestApp();
  alice = await signUp(t.app);
  actor = { via: 'session', user_id: alice.userId, workspace_id: alice.workspaceId, role: 'owner' };
  for (const key of ['budget_a', 'budget_b']) {
    expect((await alice.client.post('/api/marketing/custom-fields', { key, label: key, field_type: 'number' })).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

describe('lost updates', () => {
  it('two PATCHes of one lead at once keep both custom-field keys', async () => {
    for (let round = 0; round < 10; round++) {
      const lead = (await alice.client.post('/api/marketing/leads', { first_name: `Round ${round}` })).json();
      const [a, b] = await Promise.all([
        alice.client.patch(`/api/marketing/leads/${lead.id}`, { custom_fields: { budget_a: round } }),
        alice.client.patch(`/api/marketing/leads/${lead.id}`, { custom_fields: { budget_b: round + 100 } }),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      const after = (await alice.client.get(`/api/marketing/leads/${lead.id}`)).json();
      expect(after.custom_fields).toEqual({ budget_a: round, budget_b: round + 100 });
    }
  });

  it('tags added at the same time (an automation and a person) are all kept', async () => {
    const tenant = new Tenant(t.runtime.db, alice.workspaceId);
    for (let round = 0; round < 10; round++) {
      const lead = (await alice.client.post('/api/marketing/leads', { first_name: `Tags ${round}`, tags: ['existing'] })).json();
      await Promise.all([
        changeLeadTags(tenant, actor, lead.id, { add: ['from-automation'] }),
        changeLeadTags(tenant, actor, lead.id, { add: ['from-person'] }),
        changeLeadTags(tenant, actor, lead.id, { remove: ['existing'] }),
      ]);
      const after = (await alice.client.get(`/api/marketing/leads/${lead.id}`)).json();
      expect([...after.tags].sort()).toEqual(['from-automation', 'from-person']);
    }
  });
});

describe('database errors', () => {
  it('an outage while checking the owner is an error, not "not a member of this workspace"', async () => {
    // createLead checks the owner first: its query is the one that meets the outage.
    const broken = await openTestDatabase();
    await broken.close();
    const error = await createLead(new Tenant(broken.db, alice.workspaceId), actor, { first_name: 'Outage', owner_id: alice.userId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AppError);
  });

  it('a malformed owner id is still a 400 naming the field', async () => {
    const lead = (await alice.client.post('/api/marketing/leads', { first_name: 'Bad owner' })).json();
    const res = await alice.client.patch(`/api/marketing/leads/${lead.id}`, { owner_id: 'not-a-uuid' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.owner_id');
  });
});
