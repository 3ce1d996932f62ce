// The countdown's times, written as the contract wants them (`data-until` an ISO date with its offset) and read back
// for the date-time field, and the still figures the builder shows in place of the running countdown.

const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');

/** A datetime-local field's value ("2026-12-31T20:00", the browser's time) as ISO 8601 with its offset; '' when empty. */
export function localToIso(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return '';
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:00` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** An ISO date as a datetime-local field's value in the browser's time; '' when absent or unreadable. */
export function isoToLocal(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export type TCountdownParts = { days: string; hours: string; minutes: string; seconds: string };

/**
 * What the countdown would show now: the time left until `data-until` (fixed), or its whole length (evergreen: each
 * visitor's starts at their first view). Zeros when the date is past or unreadable.
 */
export function countdownParts(attributes: Record<string, unknown>, now: Date): TCountdownParts {
  let seconds = 0;
  if (attributes['data-mode'] === 'fixed') {
    const until = new Date(String(attributes['data-until'] ?? '')).getTime();
    if (!Number.isNaN(until)) seconds = Math.max(0, Math.floor((until - now.getTime()) / 1000));
  } else {
    const minutes = Number(attributes['data-minutes']);
    if (Number.isFinite(minutes) && minutes > 0) seconds = Math.floor(minutes * 60);
  }
  return {
    days: pad(Math.floor(seconds / 86_400)),
    hours: pad(Math.floor((seconds % 86_400) / 3600)),
    minutes: pad(Math.floor((seconds % 3600) / 60)),
    seconds: pad(seconds % 60),
  };
}
