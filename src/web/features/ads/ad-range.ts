import { useSearchParams } from 'react-router';
import { addDays, todayIn } from '../../../contracts/calendar-days.js';

/** A range of days (YYYY-MM-DD, inclusive); both left out: the server picks (a campaign's last 30 days of figures). */
export type TRange = { from?: string; to?: string };

/** `auto`: the server's default range (a campaign's last 30 days of figures), shown with the dates it answered. */
export const RANGE_PRESETS = ['auto', '7d', '30d', '90d', '365d'] as const;
export type TRangePreset = (typeof RANGE_PRESETS)[number];

export { addDays, todayIn };

/** The last N days ending today, today included; `auto` leaves the range to the server. */
export function presetRange(preset: TRangePreset, today: string): TRange {
  if (preset === 'auto') return {};
  const days = Number.parseInt(preset, 10);
  return { from: addDays(today, 1 - days), to: today };
}

/** The range preset in the URL (`?range=`), `auto` by default, so a reload or a shared link keeps it. */
export function useRangePreset(): [TRangePreset, (preset: TRangePreset) => void] {
  const [params, setParams] = useSearchParams();
  const preset = RANGE_PRESETS.find((p) => p === params.get('range')) ?? 'auto';
  const set = (next: TRangePreset) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next === 'auto') copy.delete('range');
        else copy.set('range', next);
        return copy;
      },
      { replace: true },
    );
  return [preset, set];
}
