import type { TAiLanguage, TBudgetPlanPhase } from '../../../contracts/ai.js';
import { addDays, daysBetween, todayIn } from '../../../contracts/calendar-days.js';
import { typeset } from '../builtin-kit/typography.js';
import { AD_TYPESETTING } from './ad-fit.js';

// How a generated campaign's budget is spent: a test phase (the first 7 days, or a quarter of a shorter period) with
// about 30 % of the budget spread over every variant and audience, then a scale phase on the winners. Amounts are
// counted in cents so that the phases sum exactly to the budget.

const TEST_SHARE = 0.3;
const TEST_MAX_DAYS = 7;
/** The default period's length, from tomorrow. */
export const DEFAULT_AD_PERIOD_DAYS = 30;

export type TBudgetPlanOptions = { language?: TAiLanguage; variants?: number; audiences?: number };

/** The campaign's period: the brief's dates, else tomorrow (in the workspace's zone) and the 30 days from it. */
export function adPeriod(dates: { start_date?: string; end_date?: string }, timeZone: string, now = new Date()): { start: string; end: string } {
  const tomorrow = addDays(todayIn(timeZone, now), 1);
  const start = dates.start_date ?? (dates.end_date && dates.end_date < tomorrow ? dates.end_date : tomorrow);
  return { start, end: dates.end_date ?? addDays(start, DEFAULT_AD_PERIOD_DAYS - 1) };
}

/** The budget over `start`..`end` (both counted) as a test then a scale phase; one phase for a one-day period. */
export function budgetPlan(budget: number, currency: string, start: string, end: string, options: TBudgetPlanOptions = {}): TBudgetPlanPhase[] {
  const language = options.language ?? 'fr';
  const days = Math.max(1, daysBetween(start, end));
  const cents = Math.round(budget * 100);
  const money = (amountCents: number) => formatMoney(amountCents / 100, currency, language);
  if (days < 2) {
    return [{ phase: 'test', from: start, to: start, amount: cents / 100, daily: cents / 100, note: note(language, 'single', { amount: money(cents) }) }];
  }
  const testDays = Math.min(days - 1, Math.max(1, Math.min(TEST_MAX_DAYS, Math.floor(days / 4))));
  const testCents = Math.round(cents * TEST_SHARE);
  const scaleCents = cents - testCents;
  const combinations = Math.max(1, (options.variants ?? 5) * (options.audiences ?? 1));
  const testEnd = addDays(start, testDays - 1);
  const scaleDays = days - testDays;
  return [
    {
      phase: 'test',
      from: start,
      to: testEnd,
      amount: testCents / 100,
      daily: round2(testCents / 100 / testDays),
      note: note(language, 'test', {
        amount: money(testCents),
        days: counted(language, testDays, 'day'),
        daily: money(Math.round(testCents / testDays)),
        variants: counted(language, options.variants ?? 5, 'variant'),
        audiences: counted(language, options.audiences ?? 1, 'audience'),
        share: money(Math.round(testCents / combinations)),
      }),
    },
    {
      phase: 'scale',
      from: addDays(testEnd, 1),
      to: end,
      amount: scaleCents / 100,
      daily: round2(scaleCents / 100 / scaleDays),
      note: note(language, 'scale', { amount: money(scaleCents), days: counted(language, scaleDays, 'day'), daily: money(Math.round(scaleCents / scaleDays)) }),
    },
  ];
}

const NOTES: Record<TAiLanguage, Record<'single' | 'test' | 'scale', string>> = {
  fr: {
    single:
      'Une seule journée : {amount} répartis entre toutes les variantes ; gardez pour une prochaine campagne celles qui obtiennent le meilleur coût par résultat.',
    test: 'Test : {amount} sur {days}, soit environ {daily} par jour, répartis entre les {variants} et {audiences} (environ {share} par combinaison). Gardez celles qui obtiennent le meilleur coût par résultat.',
    scale:
      'Accélération : {amount} sur {days}, soit environ {daily} par jour, sur les variantes et audiences gagnantes. Augmentez le budget par paliers de 20 % au plus pour ne pas relancer l’apprentissage.',
  },
  en: {
    single: 'A single day: {amount} spread over every variant; keep the ones with the best cost per result for your next campaign.',
    test: 'Test: {amount} over {days}, about {daily} a day, spread over the {variants} and {audiences} (about {share} per combination). Keep the ones with the best cost per result.',
    scale:
      'Scale: {amount} over {days}, about {daily} a day, on the winning variants and audiences. Raise the budget by steps of 20 % at most so the learning phase does not restart.',
  },
};

function note(language: TAiLanguage, kind: 'single' | 'test' | 'scale', values: Record<string, string | number>): string {
  return typeset(
    language,
    NOTES[language][kind].replace(/\{(\w+)\}/g, (_all, key: string) => String(values[key] ?? '')),
    AD_TYPESETTING,
  );
}

const WORDS: Record<TAiLanguage, Record<'day' | 'variant' | 'audience', [string, string]>> = {
  fr: { day: ['jour', 'jours'], variant: ['variante', 'variantes'], audience: ['audience', 'audiences'] },
  en: { day: ['day', 'days'], variant: ['variant', 'variants'], audience: ['audience', 'audiences'] },
};

/** "7 jours", "1 audience". */
function counted(language: TAiLanguage, n: number, word: 'day' | 'variant' | 'audience'): string {
  const [one, many] = WORDS[language][word];
  // French keeps a number with its noun on one line.
  return `${n}${language === 'fr' ? '\u00a0' : ' '}${n === 1 ? one : many}`;
}

function formatMoney(amount: number, currency: string, language: TAiLanguage): string {
  try {
    return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-US', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
