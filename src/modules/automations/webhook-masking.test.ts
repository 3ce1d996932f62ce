import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from '../../../test/harness.js';
import { addMember } from '../workspaces/index.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const SECRET_URL = 'https://hooks.example.com/catch/123456/abcdef?token=s3cr3t-t0ken';

describe('webhook URLs in automations', () => {
  it('are whole for admins, masked for members, viewers and their keys, and survive a member’s edit', async () => {
    const owner = await signUp(t.app);
    const created = await owner.client.post('/api/marketing/automations', {
      name: 'Zapier',
      trigger: { type: 'lead_created' },
      actions: [
        { type: 'add_tag', params: { tag: 'web' } },
        { type: 'call_webhook', params: { url: SECRET_URL } },
      ],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    const member = await signUp(t.app);
    const viewer = await signUp(t.app);
    await addMember(t.runtime.db, owner.workspaceId, member.userId, 'member');
    await addMember(t.runtime.db, owner.workspaceId, viewer.userId, 'viewer');
    for (const person of [member, viewer]) await person.client.post('/api/auth/switch-workspace', { workspace_id: owner.workspaceId });
    const viewerKey = (await owner.client.post('/api/workspace/api-keys', { name: 'Reader', role: 'viewer' })).json().key as string;

    const urlSeenBy = async (get: (url: string) => Promise<{ json(): unknown; body: string }>) => {
      const one = await get(`/api/marketing/automations/${id}`);
      const list = await get('/api/marketing/automations');
      expect(list.body.includes('s3cr3t') || one.body.includes('123456')).toBe(one.body.includes('s3cr3t'));
      return (one.json() as { actions: { type: string; params: { url?: string } }[] }).actions[1]!.params.url;
    };
    expect(await urlSeenBy((u) => owner.client.get(u))).toBe(SECRET_URL);
    expect(await urlSeenBy((u) => member.client.get(u))).toBe('https://hooks.example.com/***');
    expect(await urlSeenBy((u) => viewer.client.get(u))).toBe('https://hooks.example.com/***');
    const byKey = await t.app.inject({ url: `/api/marketing/automations/${id}`, headers: { authorization: `Bearer ${viewerKey}` } });
    expect(byKey.body).not.toContain('s3cr3t');
    expect(byKey.body).not.toContain('123456');

    // A member saves the automation as shown to them: the real URL is kept.
    const shown = (await member.client.get(`/api/marketing/automations/${id}`)).json();
    const saved = await member.client.patch(`/api/marketing/automations/${id}`, { name: 'Zapier (renamed)', actions: shown.actions });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().actions[1].params.url).toBe('https://hooks.example.com/***');
    expect(await urlSeenBy((u) => owner.client.get(u))).toBe(SECRET_URL);
  });
});
