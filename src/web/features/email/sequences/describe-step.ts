import { useTranslation } from 'react-i18next';
import type { TEmailCampaign } from '../../../../contracts/email-campaigns.js';
import type { TSequenceCondition, TSequenceStep, TWaitUnit } from '../../../../contracts/email-sequences.js';
import { anchorOffsetParts } from './wait-anchor-step-fields.js';

const INTL_UNITS: Record<TWaitUnit, string> = { minutes: 'minute', hours: 'hour', days: 'day' };

/** "lundi" / "Monday" for an ISO weekday (1 Monday … 7 Sunday): 1 January 2024 was a Monday. */
export function weekdayName(locale: string, weekday: number): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

/** "09:30" in the reader's clock ("9:30 AM" in English). */
export function clockTime(locale: string, time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1, hours, minutes)));
}

/** "2 jours" / "2 days". */
export function duration(locale: string, amount: number, unit: TWaitUnit): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: INTL_UNITS[unit], unitDisplay: 'long' }).format(amount);
}

/**
 * A step in one line, as the enrollments table and the report name it: "E-mail : Bienvenue", "Attente : 2 jours",
 * "Attendre jusqu'au lundi à 09:00", "Condition : a ouvert l'e-mail précédent". Subjects come from `emails`.
 */
export function useDescribeStep(emails: ReadonlyMap<string, TEmailCampaign>) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const describeCondition = (condition: TSequenceCondition) =>
    condition.kind === 'segment'
      ? t('email.sequences.describe.segment', { count: condition.rules.rules.length })
      : t(`email.sequences.describe.${condition.kind}`);
  return (step: TSequenceStep): string => {
    switch (step.type) {
      case 'email': {
        const email = emails.get(step.email_id);
        return t('email.sequences.describe.email', { subject: email ? email.subject || t('email.card.noSubject') : '…' });
      }
      case 'wait':
        return t('email.sequences.describe.wait', { duration: duration(locale, step.amount, step.unit) });
      case 'wait_until':
        return step.weekday === null
          ? t('email.sequences.describe.waitUntilTime', { time: clockTime(locale, step.time) })
          : t('email.sequences.describe.waitUntilDay', { day: weekdayName(locale, step.weekday), time: clockTime(locale, step.time) });
      case 'wait_anchor': {
        if (step.offset_minutes === 0) return t('email.sequences.describe.waitAnchorStart');
        const { amount, unit, before } = anchorOffsetParts(step.offset_minutes);
        return t(before ? 'email.sequences.describe.waitAnchorBefore' : 'email.sequences.describe.waitAnchorAfter', {
          duration: duration(locale, amount, unit),
        });
      }
      case 'condition':
        return t('email.sequences.describe.condition', { condition: describeCondition(step.condition) });
    }
  };
}
