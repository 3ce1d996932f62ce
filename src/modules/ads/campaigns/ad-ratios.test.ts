import { describe, expect, it } from 'vitest';
import { adRatios, ratio, returnOn } from './ad-ratios.js';

describe('ad metric formulas', () => {
  it('computes CTR, CPC, CPA, ROAS and ROI from totals', () => {
    expect(adRatios({ impressions: 2000, clicks: 50, spend: 125, conversions: 5 })).toEqual({ ctr: 0.025, cpc: 2.5, cpa: 25 });
    expect(returnOn(500, 125)).toEqual({ roas: 4, roi: 3 });
    expect(returnOn(100, 125)).toEqual({ roas: 0.8, roi: -0.2 });
    expect(adRatios({ impressions: 3, clicks: 1, spend: 10, conversions: 3 })).toEqual({ ctr: 0.333333, cpc: 10, cpa: 3.33 });
  });

  it('answers null, never a fake 0, where the denominator is 0', () => {
    expect(adRatios({ impressions: 0, clicks: 0, spend: 0, conversions: 0 })).toEqual({ ctr: null, cpc: null, cpa: null });
    expect(adRatios({ impressions: 100, clicks: 0, spend: 5, conversions: 0 })).toEqual({ ctr: 0, cpc: null, cpa: null });
    expect(returnOn(250, 0)).toEqual({ roas: null, roi: null });
    // No revenue on real spend is a real 0 ROAS and a loss of everything.
    expect(returnOn(0, 80)).toEqual({ roas: 0, roi: -1 });
    expect(ratio(1, Number.NaN)).toBeNull();
    expect(ratio(Number.POSITIVE_INFINITY, 2)).toBeNull();
  });
});
