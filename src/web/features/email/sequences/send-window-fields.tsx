import { Checkbox, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { weekdayName } from './describe-step.js';
import type { TSettingsValues } from './sequence-settings-tab.js';

/** The send window: weekdays, from / to (end excluded), in the workspace's time zone or each lead's. */
export function SendWindowFields({ form, readOnly }: { form: UseFormReturnType<TSettingsValues>; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'fr';
  return (
    <Stack gap="sm">
      <Checkbox.Group label={t('email.sequences.settings.days')} {...form.getInputProps('days')}>
        <Group gap="sm" mt={6}>
          {[1, 2, 3, 4, 5, 6, 7].map((day) => (
            <Checkbox key={day} value={String(day)} label={weekdayName(locale, day)} disabled={readOnly} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group gap="sm" align="flex-start">
        <TextInput type="time" label={t('email.sequences.settings.start')} readOnly={readOnly} w={140} {...form.getInputProps('start')} />
        <TextInput type="time" label={t('email.sequences.settings.end')} readOnly={readOnly} w={140} {...form.getInputProps('end')} />
      </Group>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="sequence-timezone">
          {t('email.sequences.settings.timezone')}
        </Text>
        <SegmentedControl
          aria-labelledby="sequence-timezone"
          disabled={readOnly}
          data={[
            { value: 'workspace', label: t('email.sequences.settings.timezoneWorkspace') },
            { value: 'lead', label: t('email.sequences.settings.timezoneLead') },
          ]}
          style={{ alignSelf: 'flex-start' }}
          {...form.getInputProps('timezone')}
        />
        <Text size="xs" c="dimmed">
          {t('email.sequences.settings.timezoneHint')}
        </Text>
      </Stack>
    </Stack>
  );
}
