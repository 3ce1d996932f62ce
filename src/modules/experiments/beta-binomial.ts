import betaln from '@stdlib/math-base-special-betaln';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

// A variant's conversion rate (an open, a click, an order per delivered message) as a Beta posterior: a uniform
// prior Beta(1, 1) updated by the variant's successes and failures. Decided (ARCHITECTURE.md, "A/B tests"):
// Bayesian beta-binomial rather than a two-proportion test with a correction for several variants: it answers the
// question people ask ("how likely is B better than A?"), it needs no sample size fixed in advance (a test is looked
// at while it runs), and with 2 to 5 variants each is compared with the control, not with every other.

export type TVariantCounts = { trials: number; successes: number };

export type TPosterior = { alpha: number; beta: number };

/** The posterior of a variant's rate; counts are whole and 0 ≤ successes ≤ trials. */
export function posterior({ trials, successes }: TVariantCounts): TPosterior {
  if (!Number.isInteger(trials) || !Number.isInteger(successes) || successes < 0 || successes > trials)
    throw new RangeError(`counts must be whole with 0 <= successes <= trials (got ${successes} of ${trials})`);
  return { alpha: 1 + successes, beta: 1 + trials - successes };
}

/** The rate as measured (successes over trials; 0 without trials). */
export function observedRate({ trials, successes }: TVariantCounts): number {
  return trials === 0 ? 0 : successes / trials;
}

/** The central 95 % credible interval of the rate. */
export function credibleInterval(p: TPosterior, level = 0.95): [number, number] {
  const tail = (1 - level) / 2;
  return [betaQuantile(tail, p.alpha, p.beta), betaQuantile(1 - tail, p.alpha, p.beta)];
}

/** Above this many terms the exact sum is replaced by the normal approximation (then within 1e-4 of it). */
const EXACT_TERMS = 20_000;

/**
 * P(rate of `b` > rate of `a`) for two Beta posteriors. Exact for whole parameters (Evan Miller's closed form,
 * "Formulas for Bayesian A/B testing", a sum of `b.alpha` terms computed in logarithms); for very large counts, the
 * normal approximation of both posteriors, which is then as close as the sum's rounding.
 */
export function probabilityToBeat(b: TPosterior, a: TPosterior): number {
  if (b.alpha > EXACT_TERMS) return normalApproximation(b, a);
  let total = 0;
  for (let i = 0; i < b.alpha; i++) {
    total += Math.exp(betaln(a.alpha + i, a.beta + b.beta) - Math.log(b.beta + i) - betaln(1 + i, b.beta) - betaln(a.alpha, a.beta));
  }
  return Math.min(1, Math.max(0, total));
}

function normalApproximation(b: TPosterior, a: TPosterior): number {
  const mean = (p: TPosterior) => p.alpha / (p.alpha + p.beta);
  const variance = (p: TPosterior) => (p.alpha * p.beta) / ((p.alpha + p.beta) ** 2 * (p.alpha + p.beta + 1));
  const z = (mean(b) - mean(a)) / Math.sqrt(variance(a) + variance(b));
  return standardNormalCdf(z);
}

/** Φ(z), by the complementary error function (Numerical Recipes' erfc, relative error under 1.2e-7). */
function standardNormalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}
