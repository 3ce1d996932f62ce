import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_LIMITS } from '../../contracts/limits.js';
import { signUp, startTestApp, uniqueEmail, type SignedUp, type TestContext } from '../../../test/harness.js';

// Each case fills a workspace up to its limit with one direct INSERT (cheap), then asks the API for one more.
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const sql = (text: string, params: unknown[]) => t.runtime.database.raw.query(text, params);
const rules = { op: 'and', rules: [{ field: 'status', operator: 'eq', value: 'new' }] };

describe('per-workspace limits on configuration lists', () => {
  it('refuses a segment beyond the limit with a 409, lists at most the limit, and accepts again after a deletion', async () => {
    const ws: SignedUp = await signUp(t.app);
    const n = WORKSPACE_LIMITS.segments;
    await sql(`insert into segments (workspace_id, name, rules) select $1, 'S' || lpad(g::text, 4, '0'), $2 from generate_series(1, $3) g`, [
      ws.workspaceId,
      JSON.stringify(rules),
      n,
    ]);
    const refused = await ws.client.post('/api/marketing/segments', { name: 'Un de trop', rules });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(`This workspace already has ${n} segments, the most it can hold; delete one before creating another`);
    // The reason and its params let the web app say it in the user's language.
    expect(refused.json()).toMatchObject({ reason: 'workspace_limit', params: { limit: n, list: 'segments' } });
    const list = (await ws.client.get('/api/marketing/segments')).json();
    expect(list).toHaveLength(n);
    expect((await ws.client.delete(`/api/marketing/segments/${list[0].id}`)).statusCode).toBe(204);
    expect((await ws.client.post('/api/marketing/segments', { name: 'Maintenant oui', rules })).statusCode).toBe(201);
  });

  it('refuses a custom field beyond the limit; another workspace is not affected', async () => {
    const ws = await signUp(t.app);
    const other = await signUp(t.app);
    await sql(
      `insert into custom_field_definitions (workspace_id, key, label, field_type) select $1, 'f' || g, 'F' || g, 'text' from generate_series(1, $2) g`,
      [ws.workspaceId, WORKSPACE_LIMITS.customFields],
    );
    const refused = await ws.client.post('/api/marketing/custom-fields', { key: 'encore', label: 'Encore', field_type: 'text' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain(`${WORKSPACE_LIMITS.customFields} custom fields`);
    expect((await other.client.post('/api/marketing/custom-fields', { key: 'encore', label: 'Encore', field_type: 'text' })).statusCode).toBe(201);
  });

  it('counts only active API keys and only pending invitations to other addresses', async () => {
    const ws = await signUp(t.app);
    const keys = WORKSPACE_LIMITS.activeApiKeys;
    await sql(
      `insert into api_keys (workspace_id, name, prefix, key_hash, role, created_by, revoked_at)
       select $1, 'k' || g, 'mk_x', md5(random()::text || g), 'viewer', $2, case when g > $3 then now() end from generate_series(1, $3 + 5) g`,
      [ws.workspaceId, ws.userId, keys - 1],
    );
    expect((await ws.client.post('/api/workspace/api-keys', { name: 'last', role: 'viewer' })).statusCode).toBe(201);
    const refused = await ws.client.post('/api/workspace/api-keys', { name: 'one too many', role: 'viewer' });
    expect(refused.statusCode).toBe(409);
    expect((await ws.client.get('/api/workspace/api-keys')).json()).toHaveLength(keys);

    const invites = WORKSPACE_LIMITS.pendingInvitations;
    const repeated = uniqueEmail('again');
    await sql(
      `insert into invitations (workspace_id, email, role, token_hash, expires_at)
       select $1, case when g = 1 then $3 else 'p' || g || '@exemple.fr' end, 'member', md5(random()::text || g), now() + interval '1 day' from generate_series(1, $2) g`,
      [ws.workspaceId, invites, repeated],
    );
    const refusedInvite = await ws.client.post('/api/workspace/invitations', { email: uniqueEmail('new'), role: 'member' });
    expect(refusedInvite.statusCode).toBe(409);
    expect(refusedInvite.json().detail).toContain(`${invites} pending invitations`);
    // Re-inviting an address replaces its pending invitation: allowed at the limit.
    expect((await ws.client.post('/api/workspace/invitations', { email: repeated, role: 'member' })).statusCode).toBe(201);
  });

  // A race on PGlite proves nothing (one connection, requests one after the other): PostgreSQL only.
  it.runIf(process.env.TEST_DB === 'postgres')(
    'lets exactly one of five simultaneous creations take the last place (PostgreSQL, five connections)',
    async () => {
      const ws = await signUp(t.app);
      const n = WORKSPACE_LIMITS.segments;
      await sql(`insert into segments (workspace_id, name, rules) select $1, 'S' || g, $2 from generate_series(1, $3) g`, [
        ws.workspaceId,
        JSON.stringify(rules),
        n - 1,
      ]);
      const answers = await Promise.all([1, 2, 3, 4, 5].map((i) => ws.client.post('/api/marketing/segments', { name: `En même temps ${i}`, rules })));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
      const { rows } = await sql(`select count(*)::int as n from segments where workspace_id = $1`, [ws.workspaceId]);
      expect(rows[0]).toEqual({ n });
    },
  );
});
