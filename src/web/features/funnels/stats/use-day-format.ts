import { useMemo } from 'react';
import { useFormatters } from '../../../lib/format.js';

export type TDayFormat = {
  /** A calendar day as a date ("2 déc. 2026"). */
  long: (day: string) => string;
  /** A calendar day without the year, for a chart's axis ("2 déc."). */
  short: (day: string) => string;
};

/**
 * Formats the server's calendar days (YYYY-MM-DD, already days of the workspace's time zone) in the interface's
 * language. They are read and shown as UTC midnights: shown in a time zone west of UTC, a day would become the one
 * before.
 */
export function useDayFormat(): TDayFormat {
  const { locale } = useFormatters();
  return useMemo(() => {
    const long = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const at = (day: string) => new Date(`${day}T00:00:00Z`);
    return { long: (day) => long.format(at(day)), short: (day) => short.format(at(day)) };
  }, [locale]);
}
