// The spec's ad metrics, computed once here for the campaign cards, the per-day series, /stats and the dashboard.
// A ratio whose denominator is 0 is null ("—" on screen), never a fake 0: a campaign with no click has no CPC.

/** a / b, or null when b is 0 (or either is not a finite number). */
export function ratio(a: number, b: number, digits = 4): number | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return round(a / b, digits);
}

export type TAdFigures = { impressions: number; clicks: number; spend: number; conversions: number };

/** CTR = clicks / impressions, CPC = spend / clicks, CPA = spend / conversions. */
export function adRatios(f: TAdFigures): { ctr: number | null; cpc: number | null; cpa: number | null } {
  return { ctr: ratio(f.clicks, f.impressions, 6), cpc: ratio(f.spend, f.clicks, 2), cpa: ratio(f.spend, f.conversions, 2) };
}

/** ROAS = revenue / spend, ROI = (revenue − spend) / spend. */
export function returnOn(revenue: number, spend: number): { roas: number | null; roi: number | null } {
  return { roas: ratio(revenue, spend, 4), roi: ratio(revenue - spend, spend, 4) };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
