import { useTranslation } from 'react-i18next';
import type { TAutomation, TAutomationTrigger } from '../../../../contracts/crm-automations.js';

/** "Status becomes Qualified", "A lead is created or imported"…: a trigger in words. */
export function useTriggerSummary(): (trigger: TAutomationTrigger) => string {
  const { t } = useTranslation();
  return (trigger) => {
    if (trigger.type === 'status_changed' && trigger.status) return t('crmAutomations.summary.statusTo', { status: t(`crmBoard.status.${trigger.status}`) });
    if (trigger.type === 'score_crossed') return t('crmAutomations.summary.scoreCrossed', { threshold: trigger.threshold });
    if (trigger.type === 'tag_added' && trigger.tag) return t('crmAutomations.summary.tagAdded', { tag: trigger.tag });
    return t(`crmAutomations.triggers.${trigger.type}`);
  };
}

/** "2 actions · with conditions". */
export function useActionsSummary(): (automation: TAutomation) => string {
  const { t } = useTranslation();
  return (automation) =>
    [t('crmAutomations.actionsCount', { count: automation.actions.length }), automation.conditions ? t('crmAutomations.withConditions') : null]
      .filter(Boolean)
      .join(' · ');
}

/** Colors of run statuses, shared by the list and the run log. */
export const RUN_STATUS_COLOR = { succeeded: 'teal', failed: 'red', skipped: 'gray' } as const;
