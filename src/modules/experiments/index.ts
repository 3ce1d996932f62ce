// Experiments: the statistics of A/B tests (no database, no UI), used by email campaigns and sequences and by funnel
// pages: rates (beta-binomial) and means per recipient such as revenue (Welch's t).
export { analyzeExperiment, analyzeMeanExperiment, DEFAULT_MIN_NON_ZERO, DEFAULT_MIN_TRIALS, DEFAULT_THRESHOLD } from './decide.js';
export type { TDecision, TDecisionRule, TExperimentResult, TMeanVariantInput, TVariantInput, TVariantResult } from './decide.js';
export { credibleInterval, posterior, probabilityToBeat } from './beta-binomial.js';
export { sampleRatioCheck, SRM_THRESHOLD } from './sample-ratio.js';
export { meanInterval, probabilityMeanBeats, regularizedIncompleteBeta, studentTCdf, studentTQuantile, type TMeanCounts } from './welch.js';
