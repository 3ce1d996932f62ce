// Experiments: the statistics of A/B tests (no database, no UI), used by email campaigns and sequences, and later by
// funnel pages.
export { analyzeExperiment, DEFAULT_MIN_TRIALS, DEFAULT_THRESHOLD } from './decide.js';
export type { TDecision, TDecisionRule, TExperimentResult, TVariantInput, TVariantResult } from './decide.js';
export { credibleInterval, posterior, probabilityToBeat } from './beta-binomial.js';
export { sampleRatioCheck, SRM_THRESHOLD } from './sample-ratio.js';
