import { Group, NumberInput, Select, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AUTOMATION_TRIGGER_TYPES, type TAutomationTriggerType } from '../../../../contracts/crm-automations.js';
import { LEAD_STATUSES } from '../../../../contracts/crm.js';
import type { TAutomationDraft } from './automation-draft.js';

type Props = { form: UseFormReturnType<TAutomationDraft>; readOnly: boolean };

const HINTED = ['score_crossed', 'form_submitted', 'email_opened', 'email_clicked'] as const;

/** "When…": the trigger type and its parameter (status, threshold or tag). */
export function TriggerFields({ form, readOnly }: Props) {
  const { t } = useTranslation();
  const type = form.values.trigger.type;
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
