import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../../test/harness.js';
import { OpenAiFake } from '../../../../test/openai-fake.js';
import { Tenant } from '../../../platform/db/tenant.js';
import { monthUsage, recordUsage, usageMonth } from './ai-usage.js';

// Usage counted from concurrent model calls: each call adds in one upsert, so calls at the same instant on several
// connections (PostgreSQL; PGlite runs them one after the other) all count, none overwrites another.

let t: TestContext;
let owner: SignedUp;
let fake: OpenAiFake;

beforeAll(async () => {
  fake = new OpenAiFake();
  await fake.start();
  t = await startTestApp({ ...fake.env, AI_PRICE_INPUT_PER_MTOK: '2', AI_PRICE_OUTPUT_PER_MTOK: '8' });
  owner = await signUp(t.app);
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

describe('AI usage under concurrency', () => {
  it('counts every one of 20 usages recorded at once', async () => {
    const tenant = new Tenant(t.runtime.db, owner.workspaceId);
    await Promise.all(Array.from({ length: 20 }, () => recordUsage(t.runtime, tenant, { requests: 1, inputTokens: 1000, outputTokens: 500 })));
    expect(await monthUsage(tenant, usageMonth())).toMatchObject({
      requests: 20,
      input_tokens: 20_000,
      output_tokens: 10_000,
      cost_micros: 20 * (2_000 + 4_000),
    });
  });

  it('counts every rewrite of 6 sent at once through a model', async () => {
    const other = await signUp(t.app);
    fake.reply = () => JSON.stringify({ text: 'Un texte réécrit.' });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => other.client.post('/api/marketing/ai/rewrite', { text: `Un texte numéro ${i} à réécrire.`, action: 'rewrite' })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const usage = await monthUsage(new Tenant(t.runtime.db, other.workspaceId), usageMonth());
    expect(usage.requests).toBe(6);
    expect(usage.input_tokens).toBe(6 * fake.usage.prompt_tokens);
  });
});
