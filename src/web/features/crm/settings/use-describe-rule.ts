import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES, type TLeadStatus } from '../../../../contracts/crm.js';
import type { TScoringRule } from '../../../../contracts/crm-scoring.js';
import type { TRuleCondition } from '../../../../contracts/crm-segments.js';
import { useWorkspaceMembers } from '../crm-api.js';
import { useSegmentFields } from '../segments/segment-fields.js';

/** Reads a fit condition as a sentence: "Poste contient « direct »", in the segment builder's words. */
export function useDescribeCondition(): (condition: TRuleCondition) => string {
  const { t } = useTranslation();
  const fields = useSegmentFields();
  const members = useWorkspaceMembers();
  const one = (value: unknown): string => {
    if (typeof value === 'boolean') return value ? t('crmSegments.yes') : t('crmSegments.no');
    if (typeof value === 'string' && (LEAD_STATUSES as readonly string[]).includes(value)) return t(`crmBoard.status.${value as TLeadStatus}`);
    const member = members.data?.find((m) => m.user_id === value);
    return member ? member.name : `« ${String(value)} »`;
  };
  return (condition) => {
    const field = fields.find((f) => f.value === condition.field);
    const operator =
      field?.kind === 'event'
        ? t(`crmSegments.eventOperators.${condition.operator}` as 'crmSegments.eventOperators.eq', condition.operator)
        : t(`crmSegments.operators.${condition.operator}` as 'crmSegments.operators.eq', condition.operator);
    const value =
      condition.value === undefined || condition.value === null
        ? ''
        : Array.isArray(condition.value)
          ? condition.value.map(one).join(', ')
          : one(condition.value);
    return [field?.label ?? condition.field, operator, value].filter(Boolean).join(' ');
  };
}

/** What a rule scores, in words: its event (and interaction type) or its condition. */
export function useDescribeRule(): (rule: TScoringRule) => string {
  const { t } = useTranslation();
  const describeCondition = useDescribeCondition();
  return (rule) => {
    if (rule.kind === 'fit') return rule.condition ? describeCondition(rule.condition) : '—';
    const event = t(`crmSettings.scoring.eventTypes.${rule.event_type as 'form_submitted'}`, rule.event_type ?? '');
    const interaction = rule.event_data?.interaction_type;
    if (typeof interaction !== 'string') return event;
    return t('crmSettings.scoring.eventOf', { event, detail: t(`crmSettings.scoring.interactionTypes.${interaction as 'call'}`, interaction) });
  };
}
