import type { TBrandKit } from '../../../contracts/ai.js';
import type { TWriteContext } from '../ai-context.js';

// A brand kit and a write context for the built-in writers' tests (no database needed). A test states what it relies
// on as overrides: `testWriteContext({ language: 'en', seed: 7, brand: { words_to_avoid: ['free'] } })`.

export const TEST_BRAND_NAME = 'Atelier Lila';
export const TEST_WORKSPACE_NAME = 'Espace Test';

export function testBrand(overrides: Partial<TBrandKit> = {}): TBrandKit {
  return {
    brand_name: TEST_BRAND_NAME,
    tone: 'professional',
    primary_color: '#1c5fb8',
    secondary_color: '#0f766e',
    logo_file_id: null,
    logo_url: null,
    main_offer: '',
    audience: '',
    words_to_avoid: [],
    language: 'fr',
    updated_at: null,
    ...overrides,
  };
}

/** A context's overrides; its brand's are laid over testBrand's (whose language is the context's). */
export type TTestWriteContext = Partial<Omit<TWriteContext, 'brand'>> & { brand?: Partial<TBrandKit> };

export function testWriteContext(overrides: TTestWriteContext = {}): TWriteContext {
  const { brand, ...rest } = overrides;
  const language = rest.language ?? 'fr';
  return {
    language,
    tone: 'professional',
    currency: 'EUR',
    workspaceName: TEST_WORKSPACE_NAME,
    seed: 1234,
    ...rest,
    brand: testBrand({ language, ...brand }),
  };
}
