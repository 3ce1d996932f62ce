import type { TAiLanguage, TBrandKit } from '../../../contracts/ai.js';
import type { TWriteContext } from '../ai-context.js';

// A write context for the ad writer's tests (no database needed): a French-named brand, a seed.

export function testBrand(overrides: Partial<TBrandKit> = {}): TBrandKit {
  return {
    brand_name: 'Atelier Sérénité',
    tone: 'professional',
    primary_color: '#1c5fb8',
    secondary_color: '#f0b429',
    logo_file_id: null,
    logo_url: null,
    main_offer: '',
    audience: 'coachs et thérapeutes indépendants',
    words_to_avoid: [],
    language: 'fr',
    updated_at: null,
    ...overrides,
  };
}

export function testContext(language: TAiLanguage = 'fr', overrides: Partial<TWriteContext> = {}): TWriteContext {
  return { language, tone: 'professional', brand: testBrand({ language }), currency: 'EUR', workspaceName: 'Atelier Sérénité', seed: 1234, ...overrides };
}
