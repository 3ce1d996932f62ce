import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { OpenAiFake } from '../../../../test/openai-fake.js';

// A workspace's own AI provider must not make the server call its network (as webhooks and workspaces' SMTP servers):
// with WEBHOOK_ALLOW_PRIVATE_ADDRESSES off, an address on loopback is refused before any request leaves.

let t: TestContext;
let owner: SignedUp;
let fake: OpenAiFake;

beforeAll(async () => {
  fake = new OpenAiFake();
  await fake.start();
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false' });
  owner = await signUp(t.app);
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

describe("a workspace's own AI provider", () => {
  it('is refused when its address leads to a private network, and nothing reaches it', async () => {
    const saved = await owner.client.put('/api/workspace/credentials/openai_compatible', {
      base_url: `${fake.url}/v1`,
      api_key: fake.apiKey,
      model: fake.model,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await owner.client.post('/api/marketing/ai/rewrite', { text: 'Un texte à réécrire.', action: 'rewrite' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ reason: 'ai_provider_private_address', params: { host: '127.0.0.1' } });
    expect(fake.calls).toEqual([]);
  });
});
