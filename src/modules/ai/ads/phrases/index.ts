import type { TAiLanguage } from '../../../../contracts/ai.js';
import { COPY_EN } from './copy.en.js';
import { COPY_FR } from './copy.fr.js';
import type { TAdCopyPhrases, TAdTargetingPhrases } from './phrase-types.js';
import { TARGETING_EN } from './targeting.en.js';
import { TARGETING_FR } from './targeting.fr.js';

export { AD_FRAMEWORKS, type TAdCopyPhrases, type TAdFramework, type TAdTargetingPhrases, type TFrameTemplates } from './phrase-types.js';

export const COPY_PHRASES: Record<TAiLanguage, TAdCopyPhrases> = { fr: COPY_FR, en: COPY_EN };
export const TARGETING_PHRASES: Record<TAiLanguage, TAdTargetingPhrases> = { fr: TARGETING_FR, en: TARGETING_EN };
