import betaln from '@stdlib/math-base-special-betaln';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

// A variant's mean value per recipient (revenue per delivered message), which is not a proportion: most recipients
// bring 0, a few bring an order's amount. Decided (ARCHITECTURE.md, "A/B tests"): Welch's t on the per-recipient
// values, P(mean of B > mean of A) = T_df((mean_B - mean_A) / √(s²_A/n_A + s²_B/n_B)) with the Welch–Satterthwaite
// degrees of freedom. With flat priors that is the usual approximation of the Bayesian posterior of the difference
// (the Behrens–Fisher problem), so it reads as the beta-binomial's "probability to beat A"; unlike a bootstrap it
// needs only each variant's count, sum and sum of squares, and gives the same answer every time. It rests on the
// central limit theorem: sound once enough recipients paid (the caller's minimum), not on a handful of orders.

/** What a variant's mean needs: recipients, the sum of their values, the sum of squares, and how many are not 0. */
export type TMeanCounts = { trials: number; sum: number; sumOfSquares: number; nonZero: number };

/** The mean per recipient (0 without recipients). */
export function mean({ trials, sum }: TMeanCounts): number {
  return trials === 0 ? 0 : sum / trials;
}

/** The sample variance (n − 1), never negative from rounding; 0 under two recipients. */
export function sampleVariance(c: TMeanCounts): number {
  if (c.trials < 2) return 0;
  return Math.max(0, (c.sumOfSquares - c.trials * mean(c) ** 2) / (c.trials - 1));
}

/** The 95 % confidence interval of the mean (Student's t with n − 1 degrees of freedom), never below 0 when no value is. */
export function meanInterval(c: TMeanCounts, level = 0.95): [number, number] {
  const m = mean(c);
  if (c.trials < 2) return [m, m];
  const half = studentTQuantile(1 - (1 - level) / 2, c.trials - 1) * Math.sqrt(sampleVariance(c) / c.trials);
  return [Math.max(0, m - half), m + half];
}

/** P(mean of `b` > mean of `a`) by Welch's t; 0.5 when either has under two recipients or neither varies and both are equal. */
export function probabilityMeanBeats(b: TMeanCounts, a: TMeanCounts): number {
  if (a.trials < 2 || b.trials < 2) return 0.5;
  const va = sampleVariance(a) / a.trials;
  const vb = sampleVariance(b) / b.trials;
  const difference = mean(b) - mean(a);
  if (va + vb === 0) return difference > 0 ? 1 : difference < 0 ? 0 : 0.5;
  const df = (va + vb) ** 2 / (va ** 2 / (a.trials - 1) + vb ** 2 / (b.trials - 1));
  return studentTCdf(difference / Math.sqrt(va + vb), df);
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom: P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The t with P(T ≤ t) = p, for p ≥ 0.5 (the interval's upper quantile), by the beta quantile of the same identity. */
export function studentTQuantile(p: number, df: number): number {
  if (p < 0.5 || p >= 1) throw new RangeError('p must be in [0.5, 1)');
  if (p === 0.5) return 0;
  const x = betaQuantile(2 * (1 - p), df / 2, 0.5);
  return Math.sqrt((df * (1 - x)) / x);
}

/** I_x(a, b) by its continued fraction (Numerical Recipes' betacf, modified Lentz), on the side where it converges fast. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - betaln(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * continuedFraction(x, a, b)) / a;
  return 1 - (front * continuedFraction(1 - x, b, a)) / b;
}

function continuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const clamp = (v: number) => (Math.abs(v) < tiny ? tiny : v);
  let c = 1;
  let d = 1 / clamp(1 - ((a + b) * x) / (a + 1));
  let h = d;
  // Converges in O(√max(a, b)) steps: a few hundred for a test of 100,000 recipients per variant.
  for (let m = 1; m <= 100_000; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / clamp(1 + even * d);
    c = clamp(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / clamp(1 + odd * d);
    c = clamp(1 + odd / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}
