import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';

// Deeply nested input is a 400 naming the place, never a 500 from a stack overflow.

let t: TestContext;
let alice: SignedUp;

function nested(depth: number): unknown {
  let tree: unknown = { field: 'score', operator: 'gte', value: 1 };
  for (let i = 0; i < depth; i++) tree = { op: 'and', rules: [tree] };
  return tree;
}

beforeAll(async () => {
  t = await startTestApp();
  alice = await signUp(t.app);
});
afterAll(() => t.close());

describe('nesting limits', () => {
  it('refuses a rule tree nested 1,000 levels in a body, and in a query string', async () => {
    const body = await alice.client.post('/api/marketing/segments/preview', { rules: nested(1_000) });
    expect(body.statusCode).toBe(400);
    expect(body.json().errors).toEqual([{ path: 'body', message: 'must not nest more than 32 levels' }]);

    const query = await alice.client.get(`/api/marketing/leads?rules=${encodeURIComponent(JSON.stringify(nested(1_000)))}`);
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0].path).toBe('querystring.rules');
  });

  it('refuses metadata nested 10,000 levels', async () => {
    const lead = (await alice.client.post('/api/marketing/leads', { email: 'deep@example.com' })).json();
    // Written as text: JSON.stringify itself overflows on 10,000 levels.
    const metadata = `${'{"inner":'.repeat(10_000)}{"leaf":true}${'}'.repeat(10_000)}`;
    const res = await alice.client.request({
      method: 'POST',
      url: `/api/marketing/leads/${lead.id}/interactions`,
      payload: `{"interaction_type":"note","content":"x","metadata":${metadata}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'body', message: 'must not nest more than 32 levels' }]);
  });

  it('still accepts ordinary nesting', async () => {
    const res = await alice.client.post('/api/marketing/segments/preview', { rules: nested(5) });
    expect(res.statusCode).toBe(200);
  });
});
