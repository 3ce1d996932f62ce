import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Client, signUp, startTestApp, type TestContext } from '../../../test/harness.js';
import { addMember } from './workspaces.service.js';
import { workspaceMembers } from './workspaces.tables.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** An owner's workspace with a second person as admin, acting in it, and an admin key they created. */
async function adminWithKey() {
  const owner = await signUp(t.app, { name: 'Olivia Owner' });
  const admin = await signUp(t.app, { name: 'Adam Admin' });
  await addMember(t.runtime.db, owner.workspaceId, admin.userId, 'admin');
  expect((await admin.client.post('/api/auth/switch-workspace', { workspace_id: owner.workspaceId })).statusCode).toBe(200);
  const created = await admin.client.post('/api/workspace/api-keys', { name: 'Admin key', role: 'admin' });
  expect(created.statusCode).toBe(201);
  const key = new Client(t.app, { bearer: created.json().key as string });
  const members = (await owner.client.get('/api/workspace/members')).json() as { id: string; user_id: string }[];
  const adminMemberId = members.find((m) => m.user_id === admin.userId)!.id;
  return { owner, admin, key, keyId: created.json().id as string, adminMemberId };
}

describe('API keys follow their creator', () => {
  it('shows who created each key', async () => {
    const { owner, admin, keyId } = await adminWithKey();
    const list = (await owner.client.get('/api/workspace/api-keys')).json();
    expect(list.find((k: { id: string }) => k.id === keyId)).toMatchObject({ created_by: admin.userId, created_by_name: 'Adam Admin', role: 'admin' });
  });

  it('revokes the keys of a removed member', async () => {
    const { owner, key, keyId, adminMemberId } = await adminWithKey();
    expect((await key.get('/api/workspace/members')).statusCode).toBe(200);
    expect((await owner.client.delete(`/api/workspace/members/${adminMemberId}`)).statusCode).toBe(204);
    expect((await key.get('/api/workspace/members')).statusCode).toBe(401);
    expect((await key.post('/api/workspace/api-keys', { name: 'again', role: 'admin' })).statusCode).toBe(401);
    const list = (await owner.client.get('/api/workspace/api-keys')).json();
    expect(list.map((k: { id: string }) => k.id)).not.toContain(keyId);
  });

  it('revokes the keys of a member who leaves', async () => {
    const { admin, key } = await adminWithKey();
    expect((await admin.client.post('/api/workspace/leave')).statusCode).toBe(204);
    expect((await key.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('lowers the keys of a demoted member to their new role', async () => {
    const { owner, key, keyId, adminMemberId } = await adminWithKey();
    expect((await owner.client.patch(`/api/workspace/members/${adminMemberId}`, { role: 'viewer' })).statusCode).toBe(200);
    expect((await key.get('/api/auth/me')).json()).toMatchObject({ role: 'viewer' });
    expect((await key.post('/api/workspace/api-keys', { name: 'escalate', role: 'admin' })).statusCode).toBe(403);
    expect((await key.patch('/api/workspace', { name: 'renamed by a viewer key' })).statusCode).toBe(403);
    const list = (await owner.client.get('/api/workspace/api-keys')).json();
    expect(list.find((k: { id: string }) => k.id === keyId).role).toBe('viewer');
  });

  it('caps a key by its creator’s role at every request, whatever the key row says', async () => {
    const { owner, admin, key } = await adminWithKey();
    // A role change that did not go through the service (e.g. SQL by hand) still binds the key.
    await t.runtime.db
      .update(workspaceMembers)
      .set({ role: 'member' })
      .where(and(eq(workspaceMembers.workspace_id, owner.workspaceId), eq(workspaceMembers.user_id, admin.userId)));
    expect((await key.get('/api/auth/me')).json()).toMatchObject({ role: 'member' });
    expect((await key.get('/api/workspace/api-keys')).statusCode).toBe(403);
    await t.runtime.db.delete(workspaceMembers).where(and(eq(workspaceMembers.workspace_id, owner.workspaceId), eq(workspaceMembers.user_id, admin.userId)));
    expect((await key.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('binds a key created by a key to the same person', async () => {
    const { owner, admin, key, adminMemberId } = await adminWithKey();
    const child = await key.post('/api/workspace/api-keys', { name: 'Child', role: 'member' });
    expect(child.statusCode).toBe(201);
    const list = (await owner.client.get('/api/workspace/api-keys')).json();
    expect(list.find((k: { id: string }) => k.id === child.json().id)).toMatchObject({ created_by: admin.userId });
    expect((await owner.client.delete(`/api/workspace/members/${adminMemberId}`)).statusCode).toBe(204);
    expect((await new Client(t.app, { bearer: child.json().key }).get('/api/auth/me')).statusCode).toBe(401);
  });
});
