import { credibleInterval, observedRate, posterior, probabilityToBeat, type TVariantCounts } from './beta-binomial.js';
import { sampleRatioCheck, type TSampleRatioCheck } from './sample-ratio.js';
import { mean, meanInterval, probabilityMeanBeats, type TMeanCounts } from './welch.js';

// The decision of an A/B test from its counts, the same for a campaign's variants, a sequence step's and, later,
// a funnel page's. The rule, shown to the user as it is:
// 1. a sample ratio mismatch blocks any automatic decision (the groups are not comparable);
// 2. a variant wins when its probability to beat the control is at least `threshold` (95 %) and every variant has
//    `minTrials` (100 delivered messages); among several such variants, the one most likely to beat the control;
// 3. otherwise there is no clear winner, a real outcome: the control is kept, or the variant the user marked.
// Rates (opens, clicks) use the beta-binomial (`analyzeExperiment`); means per recipient (revenue) Welch's t
// (`analyzeMeanExperiment`, which also waits for `minNonZero` recipients with a value); the rule is the same.

export type TVariantInput = TVariantCounts & { key: string; /** The share of recipients asked for (any scale). */ weight: number };

export type TVariantResult = {
  key: string;
  trials: number;
  /** Rates: the successes; means: the recipients whose value is not 0. */
  successes: number;
  /** Rates: successes over trials; means: the mean per trial. */
  rate: number;
  interval: [number, number];
  /** Null for the control itself. */
  probability_to_beat_control: number | null;
};

export type TDecision =
  | { kind: 'winner'; key: string; probability: number }
  | { kind: 'no_clear_winner'; keep: string; reason: 'not_enough_data' | 'below_threshold' }
  | { kind: 'blocked'; keep: string; reason: 'sample_ratio_mismatch' };

export type TExperimentResult = { variants: TVariantResult[]; sample_ratio: TSampleRatioCheck; decision: TDecision };

export type TDecisionRule = {
  control: string;
  /** What is kept without a clear winner (default: the control). */
  fallback?: string;
  threshold?: number;
  minTrials?: number;
};

export const DEFAULT_THRESHOLD = 0.95;
export const DEFAULT_MIN_TRIALS = 100;
/** Means: recipients with a value, over the whole test, before a decision (the t approximation needs them). */
export const DEFAULT_MIN_NON_ZERO = 10;

export function analyzeExperiment(variants: TVariantInput[], rule: TDecisionRule): TExperimentResult {
  const control = variants.find((v) => v.key === rule.control);
  if (!control) throw new RangeError(`the control ${rule.control} is not a variant`);
  if (variants.length < 2 || variants.length > 5) throw new RangeError('an experiment has 2 to 5 variants');
  const minTrials = rule.minTrials ?? DEFAULT_MIN_TRIALS;
  const controlPosterior = posterior(control);
  const results: TVariantResult[] = variants.map((v) => {
    const p = posterior(v);
    return {
      key: v.key,
      trials: v.trials,
      successes: v.successes,
      rate: observedRate(v),
      interval: credibleInterval(p),
      probability_to_beat_control: v.key === rule.control ? null : probabilityToBeat(p, controlPosterior),
    };
  });
  return decide(
    variants,
    results,
    rule,
    variants.some((v) => v.trials < minTrials),
  );
}

export type TMeanVariantInput = TMeanCounts & { key: string; weight: number };

/** The same rule on a mean per recipient (revenue per delivered message): Welch's t instead of the beta-binomial. */
export function analyzeMeanExperiment(variants: TMeanVariantInput[], rule: TDecisionRule & { minNonZero?: number }): TExperimentResult {
  const control = variants.find((v) => v.key === rule.control);
  if (!control) throw new RangeError(`the control ${rule.control} is not a variant`);
  if (variants.length < 2 || variants.length > 5) throw new RangeError('an experiment has 2 to 5 variants');
  const minTrials = rule.minTrials ?? DEFAULT_MIN_TRIALS;
  const minNonZero = rule.minNonZero ?? DEFAULT_MIN_NON_ZERO;
  const results: TVariantResult[] = variants.map((v) => ({
    key: v.key,
    trials: v.trials,
    successes: v.nonZero,
    rate: mean(v),
    interval: meanInterval(v),
    probability_to_beat_control: v.key === rule.control ? null : probabilityMeanBeats(v, control),
  }));
  const tooFew = variants.some((v) => v.trials < minTrials) || variants.reduce((sum, v) => sum + v.nonZero, 0) < minNonZero;
  return decide(variants, results, rule, tooFew);
}

/** Steps 1 to 3 of the rule, on the variants' probabilities to beat the control. */
function decide(variants: { trials: number; weight: number }[], results: TVariantResult[], rule: TDecisionRule, tooFew: boolean): TExperimentResult {
  const threshold = rule.threshold ?? DEFAULT_THRESHOLD;
  const keep = rule.fallback ?? rule.control;
  const sampleRatio = sampleRatioCheck(
    variants.map((v) => v.trials),
    variants.map((v) => v.weight),
  );
  let decision: TDecision;
  if (sampleRatio.mismatch) decision = { kind: 'blocked', keep, reason: 'sample_ratio_mismatch' };
  else if (tooFew) decision = { kind: 'no_clear_winner', keep, reason: 'not_enough_data' };
  else {
    const best = results
      .filter((r) => r.probability_to_beat_control !== null && r.probability_to_beat_control >= threshold)
      .sort((x, y) => y.probability_to_beat_control! - x.probability_to_beat_control!)[0];
    decision = best
      ? { kind: 'winner', key: best.key, probability: best.probability_to_beat_control! }
      : { kind: 'no_clear_winner', keep, reason: 'below_threshold' };
  }
  return { variants: results, sample_ratio: sampleRatio, decision };
}
