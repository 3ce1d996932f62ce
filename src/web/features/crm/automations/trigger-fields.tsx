import { Group, NumberInput, Select, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AUTOMATION_TRIGGER_TYPES, type TAutomationTriggerType } from '../../../../contracts/crm-automations.js';
import { LEAD_STATUSES } from '../../../../contracts/crm.js';
import type { TFunnelList } from '../../../../contracts/funnels.js';
import { api } from '../../../lib/api.js';
import type { TAutomationDraft } from './automation-draft.js';

type Props = { form: UseFormReturnType<TAutomationDraft>; readOnly: boolean };

const HINTED = ['score_crossed', 'form_submitted', 'funnel_optin', 'email_opened', 'email_clicked'] as const;

/** "When…": the trigger type and its parameter (status, threshold or tag). */
export function TriggerFields({ form, readOnly }: Props) {
  const { t } = useTranslation();
  const type = form.values.trigger.type;
  const funnels = useQuery({
    queryKey: ['funnels', 'for-automations'],
    queryFn: () => api.get<TFunnelList>('/api/marketing/funnels?limit=100'),
    enabled: type === 'funnel_optin',
  });
  const hint = (HINTED as readonly string[]).includes(type) ? t(`crmAutomations.triggerHints.${type as (typeof HINTED)[number]}`) : null;
  return (
    <>
      <Group align="flex-start" grow preventGrowOverflow={false}>
        <Select
          label={t('crmAutomations.editor.trigger')}
          data={AUTOMATION_TRIGGER_TYPES.map((value) => ({ value, label: t(`crmAutomations.triggers.${value}`) }))}
          allowDeselect={false}
          readOnly={readOnly}
          {...form.getInputProps('trigger.type')}
          onChange={(value) => value && form.setFieldValue('trigger.type', value as TAutomationTriggerType)}
        />
        {type === 'status_changed' && (
          <Select
            label={t('crmAutomations.editor.status')}
            data={[{ value: '', label: t('crmAutomations.editor.anyStatus') }, ...LEAD_STATUSES.map((s) => ({ value: s, label: t(`crmBoard.status.${s}`) }))]}
            allowDeselect={false}
            readOnly={readOnly}
            {...form.getInputProps('trigger.status')}
          />
        )}
        {type === 'score_crossed' && (
          <NumberInput
            label={t('crmAutomations.editor.threshold')}
            allowDecimal={false}
            required
            readOnly={readOnly}
            {...form.getInputProps('trigger.threshold')}
          />
        )}
        {type === 'funnel_optin' && (
          <Select
            label={t('crmAutomations.editor.funnel')}
            data={[{ value: '', label: t('crmAutomations.editor.anyFunnel') }, ...(funnels.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))]}
            allowDeselect={false}
            readOnly={readOnly}
            {...form.getInputProps('trigger.funnel_id')}
          />
        )}
        {type === 'tag_added' && (
          <TextInput
            label={t('crmAutomations.editor.tag')}
            description={t('crmAutomations.editor.anyTag')}
            readOnly={readOnly}
            {...form.getInputProps('trigger.tag')}
          />
        )}
      </Group>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </>
  );
}
