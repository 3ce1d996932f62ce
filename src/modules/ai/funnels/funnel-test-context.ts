import type { TBrandKit } from '../../../contracts/ai.js';
import type { TWriteContext } from '../ai-context.js';

// A brand kit and a write context for the funnel writer's tests.

export function brandKit(overrides: Partial<TBrandKit> = {}): TBrandKit {
  return {
    brand_name: 'Atelier Lila',
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

export function writeContext(overrides: Partial<TWriteContext> = {}): TWriteContext {
  return { language: 'fr', tone: 'professional', brand: brandKit(), currency: 'EUR', workspaceName: 'Espace Test', seed: 1234, ...overrides };
}
