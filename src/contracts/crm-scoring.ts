import { z } from 'zod';

// Lead scoring rules: engagement (events, decaying) and fit (field conditions).

export const SCORING_RULE_KINDS = ['event', 'fit'] as const;
export const ZScoringRuleKind = z.enum(SCORING_RULE_KINDS);
