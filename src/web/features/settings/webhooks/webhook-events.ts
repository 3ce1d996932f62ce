import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ALL_LEAD_EVENT_TYPES, type TLeadEventType } from '../../../../contracts/lead-events.js';
import { WEBHOOK_ALL_EVENTS, WEBHOOK_TEST_EVENT } from '../../../../contracts/webhooks.js';

// Lead events reach webhooks as `lead.<type>` (modules/webhooks/lead-event-webhooks.ts); their labels are the
// segment builder's, so a type reads the same in both places.
const LEAD_PREFIX = 'lead.';

/** The event types a webhook can subscribe to, grouped, "all events" first. */
export function useWebhookEventOptions(): ComboboxItemGroup<ComboboxItem>[] {
  const { t } = useTranslation();
  return [
    { group: t('settings.webhooks.otherGroup'), items: [{ value: WEBHOOK_ALL_EVENTS, label: t('settings.webhooks.allEvents') }] },
    {
      group: t('settings.webhooks.leadGroup'),
      items: ALL_LEAD_EVENT_TYPES.map((type) => ({ value: `${LEAD_PREFIX}${type}`, label: t(`crmSegments.events.${type}`) })),
    },
  ];
}

/** A subscribed or delivered event type in words; an unknown one (a newer server) as its code. */
export function useWebhookEventLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) => {
    if (type === WEBHOOK_ALL_EVENTS) return t('settings.webhooks.allEvents');
    if (type === WEBHOOK_TEST_EVENT) return t('settings.webhooks.testEvent');
    const lead = type.startsWith(LEAD_PREFIX) ? type.slice(LEAD_PREFIX.length) : '';
    return (ALL_LEAD_EVENT_TYPES as string[]).includes(lead) ? t(`crmSegments.events.${lead as TLeadEventType}`) : type;
  };
}
