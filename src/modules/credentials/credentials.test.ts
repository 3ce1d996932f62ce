import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type TestContext } from '../../../test/harness.js';
import { SecretBox } from '../../platform/crypto/secret-box.js';
import { Tenant } from '../../platform/db/tenant.js';
import { readCredential, rotateCredentials } from './credentials.service.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const stripe = { secret_key: 'sk_test_51abcdefghijklmnop', publishable_key: 'pk_test_51abcdef', webhook_secret: 'whsec_abcdefgh1234' };

describe('SecretBox', () => {
  it('round-trips, refuses another context or a tampered value, and reads values of a previous secret', () => {
    const old = new SecretBox('old secret of at least thirty-two characters');
    const sealed = old.encrypt('mot de passe', 'w1:smtp');
    expect(sealed).not.toContain('mot de passe');
    expect(old.decrypt(sealed, 'w1:smtp')).toBe('mot de passe');
    expect(() => old.decrypt(sealed, 'w2:smtp')).toThrow();
    // One byte of the ciphertext flipped (changing the last base64 characters could touch only padding bits).
    const [version, keyId, nonce, data] = sealed.split('.');
    const bytes = Buffer.from(data!, 'base64url');
    bytes[0] = bytes[0]! ^ 0xff;
    const tampered = [version, keyId, nonce, bytes.toString('base64url')].join('.');
    expect(() => old.decrypt(tampered, 'w1:smtp')).toThrow();
    const rotated = new SecretBox('new secret of at least thirty-two characters', ['old secret of at least thirty-two characters']);
    expect(rotated.decrypt(sealed, 'w1:smtp')).toBe('mot de passe');
    expect(SecretBox.keyIdOf(rotated.encrypt('x', 'c'))).toBe(rotated.currentKeyId);
    expect(() => new SecretBox('unrelated secret of thirty-two characters!').decrypt(sealed, 'w1:smtp')).toThrow(/APP_SECRET_PREVIOUS/);
  });
});

describe('workspace credentials', () => {
  it('stores credentials encrypted, shows secrets masked, keeps a secret left out, and decrypts for the module', async () => {
    const owner = await signUp(t.app);
    const saved = await owner.client.request({ method: 'PUT', url: '/api/workspace/credentials/stripe', payload: stripe });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      provider: 'stripe',
      fields: { publishable_key: 'pk_test_51abcdef', secret_key: '••••mnop', webhook_secret: '••••1234' },
    });
    expect(saved.body).not.toContain('sk_test_51abcdefghijklmnop');

    const stored = await t.runtime.db.execute(sql`SELECT sealed FROM workspace_credentials WHERE workspace_id = ${owner.workspaceId}`);
    const sealed = (stored as unknown as { rows: { sealed: string }[] }).rows[0]!.sealed;
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('sk_test');

    // Changing the publishable key alone keeps the stored secrets.
    const changed = await owner.client.request({ method: 'PUT', url: '/api/workspace/credentials/stripe', payload: { publishable_key: 'pk_live_new' } });
    expect(changed.statusCode).toBe(200);
    const value = await readCredential(new Tenant(t.runtime.db, owner.workspaceId), t.runtime.secrets, 'stripe');
    expect(value).toEqual({ ...stripe, publishable_key: 'pk_live_new' });

    const list = (await owner.client.get('/api/workspace/credentials')).json();
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain('whsec_abcdefgh1234');

    expect((await owner.client.delete('/api/workspace/credentials/stripe')).statusCode).toBe(204);
    expect((await owner.client.delete('/api/workspace/credentials/stripe')).statusCode).toBe(404);
    expect((await owner.client.get('/api/workspace/credentials')).json()).toEqual([]);
  });

  it('names each bad field, refuses unknown providers and fields, and is for admins only', async () => {
    const owner = await signUp(t.app);
    const bad = await owner.client.request({ method: 'PUT', url: '/api/workspace/credentials/stripe', payload: { secret_key: 'nope', extra: 1 } });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.secret_key', 'body.publishable_key']));
    expect(paths.some((p) => p.startsWith('body') && bad.body.includes('extra'))).toBe(true);
    const unknown = await owner.client.request({ method: 'PUT', url: '/api/workspace/credentials/paypal', payload: {} });
    expect(unknown.statusCode).toBe(400);
    expect((await owner.client.get('/api/workspace/credentials')).json()).toEqual([]);

    const member = await signUp(t.app);
    const keyRes = await owner.client.post('/api/workspace/api-keys', { name: 'member key', role: 'member' });
    const memberKey = (keyRes.json() as { key: string }).key;
    const asMember = await t.app.inject({ method: 'GET', url: '/api/workspace/credentials', headers: { authorization: `Bearer ${memberKey}` } });
    expect(asMember.statusCode).toBe(403);
    expect(member.workspaceId).not.toBe(owner.workspaceId);
  });

  it('rotation re-encrypts values sealed with the previous secret', async () => {
    const owner = await signUp(t.app);
    const tenant = new Tenant(t.runtime.db, owner.workspaceId);
    const old = new SecretBox('rotation: old secret, thirty-two characters');
    const sealed = old.encrypt(JSON.stringify({ host: 'smtp.example.com', port: 587, secure: false }), `${owner.workspaceId}:smtp`);
    await t.runtime.db.execute(sql`INSERT INTO workspace_credentials (workspace_id, provider, sealed) VALUES (${owner.workspaceId}, 'smtp', ${sealed})`);
    const box = new SecretBox('rotation: new secret, thirty-two characters', ['rotation: old secret, thirty-two characters']);
    expect((await rotateCredentials(t.runtime.db, box)).rewritten).toBeGreaterThanOrEqual(1);
    const fresh = new SecretBox('rotation: new secret, thirty-two characters');
    expect(await readCredential(tenant, fresh, 'smtp')).toEqual({ host: 'smtp.example.com', port: 587, secure: false });
  });
});
