import { TZDate } from '@date-fns/tz';
import type { TFunnelLanguage } from '../../../contracts/funnels.js';

// A webinar's times, pure (no database): the sessions offered at a moment (fixed dates, or the next slots of an
// evergreen schedule in its zone, summer time included through @date-fns/tz), whether a posted session is one of
// them, and the room's state for a session at a moment.

export type TWebinarTimes = {
  mode: 'fixed' | 'evergreen';
  sessions: string[];
  schedule_days: number[];
  schedule_times: string[];
  min_delay_minutes: number;
  slots_offered: number;
  duration_minutes: number;
  replay_hours: number;
};

const MINUTE = 60_000;
/** A session chosen on a page loaded a little while ago is still accepted this long after it stopped being offered. */
export const OFFER_GRACE_MINUTES = 10;
/** Fixed sessions are offered up to their start. Evergreen: up to 14 days ahead are searched. */
const EVERGREEN_DAYS_AHEAD = 14;

/** The sessions offered at `now`, soonest first. */
export function offeredSessions(times: TWebinarTimes, now: Date, timeZone: string): Date[] {
  if (times.mode === 'fixed') {
    return times.sessions
      .map((s) => new Date(s))
      .filter((d) => d.getTime() > now.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
  }
  return nextSlots(times, now, timeZone);
}

/** The next `slots_offered` slots of the evergreen schedule starting at least `min_delay_minutes` after `now`. */
export function nextSlots(
  times: Pick<TWebinarTimes, 'schedule_days' | 'schedule_times' | 'min_delay_minutes' | 'slots_offered'>,
  now: Date,
  timeZone: string,
): Date[] {
  const earliest = now.getTime() + times.min_delay_minutes * MINUTE;
  const local = new TZDate(now.getTime(), timeZone);
  const slots = new Set<number>();
  for (let d = 0; d <= EVERGREEN_DAYS_AHEAD; d++) {
    const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + d, 12, 0, 0, 0, timeZone);
    const weekday = day.getDay() === 0 ? 7 : day.getDay();
    if (!times.schedule_days.includes(weekday)) continue;
    for (const time of times.schedule_times) {
      const [hours, minutes] = time.split(':').map(Number) as [number, number];
      const at = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, 0, 0, timeZone).getTime();
      if (at >= earliest) slots.add(at);
    }
  }
  return [...slots]
    .sort((a, b) => a - b)
    .slice(0, times.slots_offered)
    .map((ms) => new Date(ms));
}

/**
 * The session a registration asks for, if it is offered: `choice` (an ISO start) offered now, or offered a few minutes
 * ago and not started (a page left open); no choice (a page without our script): the next session.
 */
export function chosenSession(times: TWebinarTimes, choice: string, now: Date, timeZone: string): Date | null {
  if (!choice) return offeredSessions(times, now, timeZone)[0] ?? null;
  const wanted = Date.parse(choice);
  if (!Number.isFinite(wanted) || wanted <= now.getTime()) return null;
  const offered = [...offeredSessions(times, now, timeZone), ...offeredSessions(times, new Date(now.getTime() - OFFER_GRACE_MINUTES * MINUTE), timeZone)];
  return offered.find((d) => d.getTime() === wanted) ?? null;
}

export type TWatchState = 'before' | 'live' | 'replay' | 'ended';

/** The room for a session at `now`: before its start, live for its duration, then the replay until start + replay window. */
export function watchState(
  times: Pick<TWebinarTimes, 'duration_minutes' | 'replay_hours'>,
  sessionAt: Date,
  now: Date,
): { state: TWatchState; endsAt: Date; replayUntil: Date | null } {
  const start = sessionAt.getTime();
  const endsAt = new Date(start + times.duration_minutes * MINUTE);
  const replayUntil = times.replay_hours > 0 ? new Date(start + times.replay_hours * 60 * MINUTE) : null;
  const t = now.getTime();
  if (t < start) return { state: 'before', endsAt, replayUntil };
  if (t < endsAt.getTime()) return { state: 'live', endsAt, replayUntil };
  if (replayUntil && t < replayUntil.getTime()) return { state: 'replay', endsAt, replayUntil };
  return { state: 'ended', endsAt, replayUntil };
}

/** A session's start for people: "lundi 4 janvier 2027 à 11:00 UTC+1" in the zone and language given. */
export function formatSession(at: Date, language: TFunnelLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}
