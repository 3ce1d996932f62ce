import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, signUp, startTestApp, uniqueEmail, type TestContext } from '../../../test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** The invitation link from the newest outbox mail to `email`. */
async function invitationLinkFor(owner: Client, email: string): Promise<string> {
  await t.drain();
  const outbox = (await owner.get('/api/workspace/outbox')).json();
  const mail = outbox.items.find((m: { to_address: string }) => m.to_address === email);
  expect(mail, `a mail to ${email} in the outbox`).toBeDefined();
  expect(mail.status).toBe('not_sent');
  const match = /\/invitations\/([\w-]+)/.exec(mail.text_body);
  return match![1]!;
}

describe('invitations', () => {
  it('invites by mail; a new person accepts through the link and joins with the role', async () => {
    const owner = await signUp(t.app, { workspace_name: 'Agence Dupont' });
    const email = uniqueEmail('invitee');
    const res = await owner.client.post('/api/workspace/invitations', { email, role: 'member' });
    expect(res.statusCode).toBe(201);
    expect((await owner.client.get('/api/workspace/invitations')).json()).toHaveLength(1);

    const token = await invitationLinkFor(owner.client, email);
    const preview = await new Client(t.app).get(`/api/invitations/${token}`);
    expect(preview.json()).toMatchObject({ workspace_name: 'Agence Dupont', email, role: 'member', account_exists: false });

    const invitee = new Client(t.app);
    const missing = await invitee.post(`/api/invitations/${token}/accept`, {});
    expect(missing.statusCode).toBe(400);
    const accepted = await invitee.post(`/api/invitations/${token}/accept`, { name: 'Bob', password: PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ workspace: { name: 'Agence Dupont' }, role: 'member' });

    const members = (await owner.client.get('/api/workspace/members')).json();
    expect(members.map((m: { email: string; role: string }) => [m.email, m.role])).toContainEqual([email, 'member']);
    // Used once: the link no longer works, and the pending list is empty.
    expect((await new Client(t.app).get(`/api/invitations/${token}`)).statusCode).toBe(404);
    expect((await owner.client.get('/api/workspace/invitations')).json()).toHaveLength(0);
  });

  it('lets an existing user accept once signed in, and only with the invited address', async () => {
    const owner = await signUp(t.app);
    const existing = await signUp(t.app);
    const stranger = await signUp(t.app);
    await owner.client.post('/api/workspace/invitations', { email: existing.email, role: 'viewer' });
    const token = await invitationLinkFor(owner.client, existing.email);
    expect((await new Client(t.app).post(`/api/invitations/${token}/accept`, { name: 'x', password: PASSWORD })).statusCode).toBe(401);
    expect((await stranger.client.post(`/api/invitations/${token}/accept`, {})).statusCode).toBe(403);
    const res = await existing.client.post(`/api/invitations/${token}/accept`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().workspaces).toHaveLength(2);
  });

  it('refuses to invite a current member (409) and lets admins revoke', async () => {
    const owner = await signUp(t.app);
    expect((await owner.client.post('/api/workspace/invitations', { email: owner.email, role: 'member' })).statusCode).toBe(409);
    const inv = (await owner.client.post('/api/workspace/invitations', { email: uniqueEmail(), role: 'member' })).json();
    expect((await owner.client.delete(`/api/workspace/invitations/${inv.id}`)).statusCode).toBe(204);
    expect((await owner.client.delete(`/api/workspace/invitations/${inv.id}`)).statusCode).toBe(404);
  });
});

/** Owner plus one member of each other role, all signed in. */
async function team() {
  const owner = await signUp(t.app);
  const people: Record<string, { client: Client; memberId: string }> = {};
  for (const role of ['admin', 'member', 'viewer'] as const) {
    const email = uniqueEmail(role);
    await owner.client.post('/api/workspace/invitations', { email, role });
    const token = await invitationLinkFor(owner.client, email);
    const client = new Client(t.app);
    await client.post(`/api/invitations/${token}/accept`, { name: role, password: PASSWORD });
    const members = (await owner.client.get('/api/workspace/members')).json() as { id: string; email: string }[];
    people[role] = { client, memberId: members.find((m) => m.email === email)!.id };
  }
  return { owner, ...people } as { owner: typeof owner } & Record<'admin' | 'member' | 'viewer', { client: Client; memberId: string }>;
}

describe('roles', () => {
  it('keeps viewers read-only and reserves team management to admins', async () => {
    const { viewer, member } = await team();
    expect((await viewer.client.get('/api/workspace/members')).statusCode).toBe(200);
    expect((await viewer.client.patch('/api/workspace', { name: 'x' })).statusCode).toBe(403);
    expect((await member.client.post('/api/workspace/invitations', { email: uniqueEmail(), role: 'viewer' })).statusCode).toBe(403);
    expect((await member.client.get('/api/workspace/api-keys')).statusCode).toBe(403);
    // Viewers still manage their own account.
    expect((await viewer.client.patch('/api/auth/profile', { name: 'Vi' })).statusCode).toBe(200);
  });

  it('protects owners: only owners change them and the last owner stays', async () => {
    const { owner, admin, member } = await team();
    const members = (await owner.client.get('/api/workspace/members')).json() as { id: string; role: string }[];
    const ownerMemberId = members.find((m) => m.role === 'owner')!.id;
    expect((await admin.client.patch(`/api/workspace/members/${member.memberId}`, { role: 'owner' })).statusCode).toBe(403);
    expect((await admin.client.delete(`/api/workspace/members/${ownerMemberId}`)).statusCode).toBe(403);
    expect((await owner.client.patch(`/api/workspace/members/${ownerMemberId}`, { role: 'admin' })).statusCode).toBe(409);
    expect((await owner.client.post('/api/workspace/leave')).statusCode).toBe(409);
    expect((await admin.client.patch(`/api/workspace/members/${member.memberId}`, { role: 'viewer' })).json().role).toBe('viewer');
  });

  it('removes a member and lets a member leave', async () => {
    const { owner, admin, member } = await team();
    expect((await owner.client.delete(`/api/workspace/members/${admin.memberId}`)).statusCode).toBe(204);
    // The removed admin's session falls back to their own workspace... they have none, so it ends.
    expect((await admin.client.get('/api/workspace/members')).statusCode).toBe(401);
    expect((await member.client.post('/api/workspace/leave')).statusCode).toBe(204);
    const emails = (await owner.client.get('/api/workspace/members')).json().length;
    expect(emails).toBe(2);
  });
});

describe('API keys', () => {
  it('shows the key once, stores only a hash, authenticates with the bound role and stops at revocation', async () => {
    const { client, workspaceId } = await signUp(t.app);
    const created = await client.post('/api/workspace/api-keys', { name: 'Zapier', role: 'viewer' });
    expect(created.statusCode).toBe(201);
    const { id, key, prefix } = created.json();
    expect(key).toMatch(/^mk_[\w-]{40,}$/);
    expect(key.startsWith(prefix)).toBe(true);

    const list = (await client.get('/api/workspace/api-keys')).json();
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(key);
    expect(list[0].last_used_at).toBeNull();

    const api = new Client(t.app, { bearer: key });
    const me = await api.get('/api/auth/me');
    expect(me.json()).toMatchObject({ user: null, role: 'viewer', workspace: { id: workspaceId } });
    expect((await api.patch('/api/workspace', { name: 'x' })).statusCode).toBe(403);
    expect((await client.get('/api/workspace/api-keys')).json()[0].last_used_at).not.toBeNull();

    expect((await client.delete(`/api/workspace/api-keys/${id}`)).statusCode).toBe(204);
    expect((await api.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Client(t.app, { bearer: 'mk_forged' }).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('lets API keys write without a CSRF token but never as more than their role', async () => {
    const { client } = await signUp(t.app);
    const key = (await client.post('/api/workspace/api-keys', { name: 'CI', role: 'admin' })).json().key;
    const res = await new Client(t.app, { bearer: key }).patch('/api/workspace', { name: 'Renamed by key' });
    expect(res.statusCode).toBe(200);
    expect((await client.post('/api/workspace/api-keys', { name: 'x', role: 'owner' })).statusCode).toBe(400);
  });
});

describe('workspaces', () => {
  it('switches between the workspaces a user belongs to, and 404s others', async () => {
    const a = await signUp(t.app, { workspace_name: 'A' });
    const b = await signUp(t.app, { workspace_name: 'B' });
    await b.client.post('/api/workspace/invitations', { email: a.email, role: 'admin' });
    const token = await invitationLinkFor(b.client, a.email);
    await a.client.post(`/api/invitations/${token}/accept`, {});
    const switched = await a.client.post('/api/auth/switch-workspace', { workspace_id: a.workspaceId });
    expect(switched.json().workspace.name).toBe('A');
    const other = await signUp(t.app);
    expect((await a.client.post('/api/auth/switch-workspace', { workspace_id: other.workspaceId })).statusCode).toBe(404);
  });
});
