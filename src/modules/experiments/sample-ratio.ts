import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';

// Sample ratio mismatch: the recipients each variant got against the split that was asked for. A mismatch means
// the assignment is broken (a variant's sends failed, a filter applied to one side): its numbers compare unlike
// groups, so no automatic decision is taken on them.

/** Below this p-value the split is called a mismatch (the usual threshold: a false alarm once in a thousand tests). */
export const SRM_THRESHOLD = 0.001;

export type TSampleRatioCheck = { chi_square: number; p_value: number; mismatch: boolean };

/** Pearson's chi-square goodness of fit of `observed` counts to the `weights` asked for (any scale). */
export function sampleRatioCheck(observed: number[], weights: number[]): TSampleRatioCheck {
  if (observed.length !== weights.length || observed.length < 2) throw new RangeError('one weight per variant, at least two variants');
  const total = observed.reduce((sum, n) => sum + n, 0);
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0) return { chi_square: 0, p_value: 1, mismatch: false };
  let chiSquare = 0;
  for (const [i, n] of observed.entries()) {
    const expected = (total * weights[i]!) / weightSum;
    chiSquare += (n - expected) ** 2 / expected;
  }
  const pValue = 1 - chisquareCdf(chiSquare, observed.length - 1);
  return { chi_square: chiSquare, p_value: pValue, mismatch: pValue < SRM_THRESHOLD };
}
