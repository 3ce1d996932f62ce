import { useMemo } from 'react';
import { useFormatters, type TFormatters } from '../../lib/format.js';

export type TDashboardFormat = TFormatters & {
  /** A date without the year ("3 déc."), in the workspace's time zone like the server's buckets. */
  day: (iso: string) => string;
  /** "il y a 3 heures" / "3 hours ago". */
  relative: (iso: string) => string;
};

/** The interface's formatters (one Intl locale and currency), plus the short forms the dashboard's axes need. */
export function useDashboardFormat(): TDashboardFormat {
  const base = useFormatters();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(base.locale, { day: 'numeric', month: 'short', timeZone: base.timeZone });
    const relative = new Intl.RelativeTimeFormat(base.locale, { numeric: 'auto' });
    return {
      ...base,
      day: (iso) => day.format(new Date(iso)),
      relative: (iso) => {
        const minutes = Math.round((new Date(iso).getTime() - Date.now()) / 60_000);
        if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
        const hours = Math.round(minutes / 60);
        if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
        return relative.format(Math.round(hours / 24), 'day');
      },
    };
  }, [base]);
}
