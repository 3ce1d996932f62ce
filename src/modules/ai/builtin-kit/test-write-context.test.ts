import { describe, expect, it } from 'vitest';
import { testBrand, testWriteContext } from './test-write-context.js';

describe('testWriteContext', () => {
  it('lays overrides over the defaults, the brand merged and in the context’s language', () => {
    const ctx = testWriteContext({ language: 'en', seed: 7, brand: { words_to_avoid: ['free'] } });
    expect(ctx).toMatchObject({ language: 'en', tone: 'professional', currency: 'EUR', seed: 7 });
    expect(ctx.brand).toEqual(testBrand({ language: 'en', words_to_avoid: ['free'] }));
    expect(testWriteContext().brand.language).toBe('fr');
    expect(testWriteContext({ brand: testBrand({ language: 'en' }) }).brand.language).toBe('en');
  });
});
