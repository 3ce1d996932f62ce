import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaPdf from '@stdlib/stats-base-dists-beta-pdf';
import { describe, expect, it } from 'vitest';
import {
  analyzeExperiment,
  analyzeMeanExperiment,
  credibleInterval,
  meanInterval,
  posterior,
  probabilityMeanBeats,
  probabilityToBeat,
  regularizedIncompleteBeta,
  sampleRatioCheck,
  studentTCdf,
  studentTQuantile,
  type TMeanCounts,
} from './index.js';

// The statistics against references computed another way: P(B > A) by numerical integration of the two Beta
// distributions (stdlib's own density and distribution functions, not the code under test), intervals against the
// Beta distribution function, the chi-square test against its table values.

/** ∫ pdf_B(x) · cdf_A(x) dx by Simpson's rule over where both posteriors have their mass. */
function integratedProbability(b: { alpha: number; beta: number }, a: { alpha: number; beta: number }): number {
  const spread = (p: { alpha: number; beta: number }) => {
    const n = p.alpha + p.beta;
    const mean = p.alpha / n;
    const sd = Math.sqrt((p.alpha * p.beta) / (n * n * (n + 1)));
    return [Math.max(0, mean - 12 * sd), Math.min(1, mean + 12 * sd)] as const;
  };
  const lo = Math.min(spread(a)[0], spread(b)[0]);
  const hi = Math.max(spread(a)[1], spread(b)[1]);
  const steps = 20_000;
  const h = (hi - lo) / steps;
  const f = (x: number) => betaPdf(x, b.alpha, b.beta) * betaCdf(x, a.alpha, a.beta);
  let sum = f(lo) + f(hi);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 0 ? 2 : 4) * f(lo + i * h);
  // Beyond `hi`, B's mass times A's distribution function (1 there): what B has above the window.
  return (sum * h) / 3 + (1 - betaCdf(hi, b.alpha, b.beta));
}

describe('experiments: the statistics of A/B tests', () => {
  it('gives the probability that a variant beats the control, as integration does', () => {
    const cases = [
      [
        { trials: 1000, successes: 100 },
        { trials: 1000, successes: 130 },
      ],
      [
        { trials: 20, successes: 3 },
        { trials: 20, successes: 8 },
      ],
      [
        { trials: 500, successes: 60 },
        { trials: 480, successes: 50 },
      ],
      [
        { trials: 5000, successes: 1100 },
        { trials: 5000, successes: 1100 },
      ],
    ] as const;
    for (const [a, b] of cases) {
      const exact = probabilityToBeat(posterior(b), posterior(a));
      expect(Math.abs(exact - integratedProbability(posterior(b), posterior(a)))).toBeLessThan(1e-6);
    }
    // Identical counts: a coin toss (the exact sum, not an approximation).
    expect(probabilityToBeat(posterior({ trials: 5000, successes: 1100 }), posterior({ trials: 5000, successes: 1100 }))).toBeCloseTo(0.5, 6);
  });

  it('switches to the normal approximation for very large counts, still within 1e-4 of integration', () => {
    const a = posterior({ trials: 400_000, successes: 80_000 });
    const b = posterior({ trials: 400_000, successes: 80_900 });
    expect(b.alpha).toBeGreaterThan(20_000);
    expect(Math.abs(probabilityToBeat(b, a) - integratedProbability(b, a))).toBeLessThan(1e-4);
  });

  it('gives 95 % credible intervals that hold 2.5 % of the distribution on each side', () => {
    const p = posterior({ trials: 100, successes: 10 });
    const [low, high] = credibleInterval(p);
    expect(betaCdf(low, p.alpha, p.beta)).toBeCloseTo(0.025, 6);
    expect(betaCdf(high, p.alpha, p.beta)).toBeCloseTo(0.975, 6);
    expect(low).toBeLessThan(0.1);
    expect(high).toBeGreaterThan(0.1);
  });

  it('checks the sample ratio by chi-square, as the table says', () => {
    // 3.841 is the 95th percentile of chi-square with one degree of freedom.
    const atTable = sampleRatioCheck([4902, 5098], [1, 1]);
    expect(atTable.chi_square).toBeCloseTo(3.8416, 3);
    expect(atTable.p_value).toBeCloseTo(0.05, 3);
    expect(atTable.mismatch).toBe(false);
    // A 20 / 80 split asked for, and got.
    expect(sampleRatioCheck([2010, 7990], [20, 80]).mismatch).toBe(false);
    // 5,000 against 5,400 for an even split: p ≈ 8.8e-5, a mismatch.
    const broken = sampleRatioCheck([5000, 5400], [1, 1]);
    expect(broken.p_value).toBeCloseTo(8.8e-5, 5);
    expect(broken.mismatch).toBe(true);
  });

  it('names a winner only when it is clear, says why not otherwise, and lets a mismatch block the decision', () => {
    const control = { key: 'A', weight: 1, trials: 1000, successes: 100 };
    const winner = analyzeExperiment([control, { key: 'B', weight: 1, trials: 1000, successes: 140 }], { control: 'A' });
    expect(winner.decision).toMatchObject({ kind: 'winner', key: 'B' });
    expect(winner.variants[1]!.probability_to_beat_control).toBeGreaterThan(0.99);
    expect(winner.variants[0]!.probability_to_beat_control).toBeNull();

    // Three variants: the one most likely to beat the control, among those above 95 %.
    const three = analyzeExperiment([control, { key: 'B', weight: 1, trials: 1000, successes: 135 }, { key: 'C', weight: 1, trials: 1000, successes: 150 }], {
      control: 'A',
    });
    expect(three.decision).toMatchObject({ kind: 'winner', key: 'C' });

    const close = analyzeExperiment([control, { key: 'B', weight: 1, trials: 1000, successes: 105 }], { control: 'A', fallback: 'B' });
    expect(close.decision).toEqual({ kind: 'no_clear_winner', keep: 'B', reason: 'below_threshold' });

    const early = analyzeExperiment(
      [
        { ...control, trials: 60, successes: 3 },
        { key: 'B', weight: 1, trials: 60, successes: 20 },
      ],
      { control: 'A' },
    );
    expect(early.decision).toEqual({ kind: 'no_clear_winner', keep: 'A', reason: 'not_enough_data' });

    const skewed = analyzeExperiment([control, { key: 'B', weight: 1, trials: 1300, successes: 200 }], { control: 'A' });
    expect(skewed.sample_ratio.mismatch).toBe(true);
    expect(skewed.decision).toEqual({ kind: 'blocked', keep: 'A', reason: 'sample_ratio_mismatch' });
  });

  it('refuses impossible counts', () => {
    expect(() => posterior({ trials: 10, successes: 11 })).toThrow(RangeError);
    expect(() => analyzeExperiment([{ key: 'A', weight: 1, trials: 10, successes: 1 }], { control: 'A' })).toThrow(RangeError);
  });
});

/** A variant's counts from its per-recipient values. */
function meanCounts(values: number[]): TMeanCounts {
  return {
    trials: values.length,
    sum: values.reduce((a, v) => a + v, 0),
    sumOfSquares: values.reduce((a, v) => a + v * v, 0),
    nonZero: values.filter((v) => v !== 0).length,
  };
}

/** n recipients of whom `buyers` paid `amount` each (the rest 0), spread over the list. */
function revenues(n: number, buyers: number, amount: number | ((i: number) => number)): number[] {
  return Array.from({ length: n }, (_, i) => (i < buyers ? (typeof amount === 'number' ? amount : amount(i)) : 0));
}

describe('experiments: means per recipient (revenue) by Welch’s t', () => {
  it('computes the incomplete beta and Student’s t as references do', () => {
    for (const [x, a, b] of [
      [0.3, 2, 3],
      [0.9, 0.5, 0.5],
      [0.999, 50, 0.5],
      [0.2, 400, 0.5],
      [0.995, 5000, 0.5],
    ] as const) {
      expect(Math.abs(regularizedIncompleteBeta(x, a, b) - betaCdf(x, a, b))).toBeLessThan(1e-10);
    }
    // Table values of Student's t: t(0.975, 10) = 2.2281, t(0.95, 30) = 1.6973; a large df tends to the normal.
    expect(studentTCdf(2.2281, 10)).toBeCloseTo(0.975, 4);
    expect(studentTCdf(-1.6973, 30)).toBeCloseTo(0.05, 4);
    expect(studentTCdf(1.959964, 1e6)).toBeCloseTo(0.975, 5);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
  });

  it('gives a mean’s interval and the probability that one mean beats another', () => {
    const values = [0, 0, 0, 10, 0, 0, 20, 0, 0, 0];
    const c = meanCounts(values);
    const [low, high] = meanInterval(c);
    // mean 3, sd 6.749, half-width t(0.975, 9) 2.2622 × 6.749 / √10; the low end is kept at 0 (revenue is never negative).
    expect(high).toBeCloseTo(3 + (2.2622 * Math.sqrt(45.5556)) / Math.sqrt(10), 3);
    expect(low).toBe(0);
    // Same numbers: a coin toss; a variant whose every recipient paid more than any of A's: a certainty.
    expect(probabilityMeanBeats(c, c)).toBeCloseTo(0.5, 10);
    expect(probabilityMeanBeats(meanCounts([5, 5, 5]), meanCounts([1, 1, 1]))).toBe(1);
    // Welch by hand: A 1000 × (100 buyers at 50 €), B 1000 × (130 buyers at 50 €).
    const a = meanCounts(revenues(1000, 100, 50));
    const b = meanCounts(revenues(1000, 130, 50));
    const va = (a.sumOfSquares - a.sum ** 2 / 1000) / 999 / 1000;
    const vb = (b.sumOfSquares - b.sum ** 2 / 1000) / 999 / 1000;
    const df = (va + vb) ** 2 / (va ** 2 / 999 + vb ** 2 / 999);
    expect(probabilityMeanBeats(b, a)).toBeCloseTo(studentTCdf(1.5 / Math.sqrt(va + vb), df), 10);
    expect(probabilityMeanBeats(b, a)).toBeGreaterThan(0.97);
    expect(probabilityMeanBeats(a, b)).toBeLessThan(0.03);
  });

  it('names a winner on clear revenue, none on noise, and waits for enough buyers', () => {
    const input = (key: string, values: number[]) => ({ key, weight: 1, ...meanCounts(values) });
    // B: 60 of 1,000 buy at 40 € (2.40 € per recipient) against A's 20 (0.80 €).
    const clear = analyzeMeanExperiment([input('A', revenues(1000, 20, 40)), input('B', revenues(1000, 60, 40))], { control: 'A' });
    expect(clear.decision).toMatchObject({ kind: 'winner', key: 'B' });
    expect(clear.variants[1]!.rate).toBeCloseTo(2.4, 10);
    expect(clear.variants[1]!.successes).toBe(60);
    // The same buyers, amounts that vary: no variant is better, whatever the draw of the amounts.
    const noise = analyzeMeanExperiment(
      [
        input(
          'A',
          revenues(1000, 40, (i) => 20 + ((i * 37) % 60)),
        ),
        input(
          'B',
          revenues(1000, 42, (i) => 20 + ((i * 53) % 60)),
        ),
      ],
      { control: 'A', fallback: 'B' },
    );
    expect(noise.decision).toEqual({ kind: 'no_clear_winner', keep: 'B', reason: 'below_threshold' });
    // One big order is not a result: fewer than 10 buyers in the whole test.
    const few = analyzeMeanExperiment([input('A', revenues(1000, 2, 40)), input('B', revenues(1000, 7, 400))], { control: 'A' });
    expect(few.decision).toEqual({ kind: 'no_clear_winner', keep: 'A', reason: 'not_enough_data' });
    // A sample ratio mismatch blocks it as for rates.
    const skewed = analyzeMeanExperiment([input('A', revenues(1000, 20, 40)), input('B', revenues(1300, 80, 40))], { control: 'A' });
    expect(skewed.decision).toEqual({ kind: 'blocked', keep: 'A', reason: 'sample_ratio_mismatch' });
  });
});
