import { credibleInterval, observedRate, posterior, probabilityToBeat, type TVariantCounts } from './beta-binomial.js';
import { sampleRatioCheck, type TSampleRatioCheck } from './sample-ratio.js';

// The decision of an A/B test from its counts, the same for a campaign's variants, a sequence step's and, later,
// a funnel page's. The rule, shown to the user as it is:
// 1. a sample ratio mismatch blocks any automatic decision (the groups are not comparable);
// 2. a variant wins when its probability to beat the control is at least `threshold` (95 %) and every variant has
//    `minTrials` (100 delivered messages); among several such variants, the one most likely to beat the control;
// 3. otherwise there is no clear winner, a real outcome: the control is kept, or the variant the user marked.

export type TVariantInput = TVariantCounts & { key: string; /** The share of recipients asked for (any scale). */ weight: number };

export type TVariantResult = {
  key: string;
  trials: number;
  successes: number;
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

export function analyzeExperiment(variants: TVariantInput[], rule: TDecisionRule): TExperimentResult {
  const control = variants.find((v) => v.key === rule.control);
  if (!control) throw new RangeError(`the control ${rule.control} is not a variant`);
  if (variants.length < 2 || variants.length > 5) throw new RangeError('an experiment has 2 to 5 variants');
  const threshold = rule.threshold ?? DEFAULT_THRESHOLD;
  const minTrials = rule.minTrials ?? DEFAULT_MIN_TRIALS;
  const keep = rule.fallback ?? rule.control;
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
  const sampleRatio = sampleRatioCheck(
    variants.map((v) => v.trials),
    variants.map((v) => v.weight),
  );
  let decision: TDecision;
  if (sampleRatio.mismatch) decision = { kind: 'blocked', keep, reason: 'sample_ratio_mismatch' };
  else if (variants.some((v) => v.trials < minTrials)) decision = { kind: 'no_clear_winner', keep, reason: 'not_enough_data' };
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
