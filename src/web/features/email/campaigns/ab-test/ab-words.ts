import type { TFunction } from 'i18next';
import {
  AB_MIN_DELIVERED,
  AB_MIN_PAYING,
  AB_WIN_PROBABILITY,
  type TAbTestMetric,
  type TAbTestReport,
  type TAbVariantKey,
} from '../../../../../contracts/email-campaigns.js';
import type { TFormatters } from '../../../../lib/format.js';

// An A/B test's result in words a non-statistician reads: "Variante B a 97 % de chances d'être meilleure que A.",
// "Pas de gagnant net : A (témoin) est gardée." and why. Pure (t and the formatters passed in), so the report and
// the tests say the same thing.

/** The decision rule's numbers, the server's own (the contract's): the explanation and the reasons print them. */
export const AB_WIN_THRESHOLD = AB_WIN_PROBABILITY;
export { AB_MIN_DELIVERED, AB_MIN_PAYING };

/** "A (témoin)" or "variante C": the name of a variant inside a sentence. */
export function variantName(key: TAbVariantKey, t: TFunction): string {
  return key === 'A' ? t('email.abTest.report.controlName') : t('email.abTest.report.variantName', { key });
}

/**
 * A probability as a chance: "97 %"; never "100 %" nor "0 %", which would promise a certainty the data cannot
 * give ("> 99 %", "< 1 %").
 */
export function chance(probability: number, format: TFormatters): string {
  if (probability >= 0.995) return `> ${format.percent(0.99)}`;
  if (probability <= 0.005) return `< ${format.percent(0.01)}`;
  return format.percent(probability);
}

/** The p-value with its sign, as statisticians write it: "= 0,0003", "< 0,0001", "= 0,42". */
export function pValue(p: number, format: TFormatters): string {
  if (p < 0.0001) return `< ${format.number(0.0001, 4)}`;
  return `= ${format.number(p, p < 0.01 ? 4 : 2)}`;
}

/** The metric's value as it reads: a rate in percent ("21,4 %"), revenue per recipient in money ("1,25 €"). */
export function metricValue(metric: TAbTestMetric, value: number, format: TFormatters, digits = 1): string {
  return metric === 'revenue_per_recipient' ? format.money(value) : format.percent(value, digits);
}

/** "entre 18 % et 24 %" ("entre 0,80 € et 1,60 €"): the interval in which the true value lies with 95 % probability. */
export function intervalWords([lo, hi]: [number, number], t: TFunction, format: TFormatters, metric: TAbTestMetric = 'open_rate'): string {
  // Whole percents: the interval is an estimate, a decimal would claim a precision it does not have.
  return t('email.abTest.report.intervalValue', { lo: metricValue(metric, lo, format, 0), hi: metricValue(metric, hi, format, 0) });
}

/** The state badge: "En cours jusqu'au 12 mars 2027, 14:00", "Décidé", "En attente de votre choix". */
export function stateWords(test: TAbTestReport, t: TFunction, format: TFormatters): string {
  if (test.state === 'testing') {
    return test.ends_at ? t('email.abTest.report.state.testing', { date: format.dateTime(test.ends_at) }) : t('email.abTest.report.state.testingSoon');
  }
  return t(`email.abTest.report.state.${test.state}`);
}

/**
 * The rule's verdict as sentences: the outcome first, then why; once blocked, the member is asked to choose. During
 * the test the report titles it as provisional (the numbers still move).
 */
export function verdictSentences(test: TAbTestReport, t: TFunction, format: TFormatters): string[] {
  const { decision } = test;
  const sentences: string[] = [];
  if (decision.kind === 'winner') {
    sentences.push(t('email.abTest.report.winner', { key: decision.key, probability: chance(decision.probability ?? 0, format) }));
  } else if (decision.kind === 'no_clear_winner') {
    sentences.push(t('email.abTest.report.noClearWinner', { kept: variantName(decision.key, t) }));
    if (decision.reason === 'not_enough_data')
      sentences.push(
        test.metric === 'revenue_per_recipient'
          ? t('email.revenue.abNotEnoughData', { min: format.number(AB_MIN_DELIVERED), paying: format.number(AB_MIN_PAYING) })
          : t('email.abTest.report.reasons.not_enough_data', { min: format.number(AB_MIN_DELIVERED) }),
      );
    if (decision.reason === 'below_threshold')
      sentences.push(t('email.abTest.report.reasons.below_threshold', { threshold: format.percent(AB_WIN_THRESHOLD) }));
  } else {
    sentences.push(t('email.abTest.report.blocked', { p: pValue(test.sample_ratio.p_value, format) }));
    if (test.state === 'waiting_for_choice') sentences.push(t('email.abTest.report.blockedChoose'));
    if (test.state === 'testing') sentences.push(t('email.abTest.report.blockedSoon'));
  }
  return sentences;
}

/** "Décidé automatiquement le … : variante B a été choisie." / "Choisie à la main le … : A (témoin)."; null before. */
export function decidedWords(test: TAbTestReport, t: TFunction, format: TFormatters): string | null {
  if (!test.winner || !test.decided_at) return null;
  const values = { date: format.dateTime(test.decided_at), winner: variantName(test.winner, t) };
  return test.decided_by === 'manual' ? t('email.abTest.report.decidedManual', values) : t('email.abTest.report.decidedAutomatic', values);
}
