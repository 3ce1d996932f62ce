import { Button, Group, Radio, Select, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TRuleGroup } from '../../../../contracts/crm-segments.js';
import type { TSequence, TSequenceUpdateBody } from '../../../../contracts/email-sequences.js';
import { ApiError } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { CardSection } from '../../../ui/card-section.js';
import { NumberField } from '../../../ui/number-field.js';
import { RuleBuilder } from '../../crm/segments/rule-builder.js';
import { useSegments } from '../../crm/segments/segments-api.js';
import { SendWindowFields } from './send-window-fields.js';
import { useUpdateSequence } from './use-sequence-mutations.js';

export type TSettingsValues = {
  windowOn: boolean;
  days: string[];
  start: string;
  end: string;
  timezone: 'workspace' | 'lead';
  entry_segment_id: string;
  reentry: 'never' | 'after';
  reentry_after_days: number | '';
  goalOn: boolean;
  goal_rules: TRuleGroup;
};

function valuesOf(sequence: TSequence): TSettingsValues {
  const window = sequence.send_window;
  return {
    windowOn: window !== null,
    // Working days, 9:00 to 18:00, until the sequence says otherwise.
    days: (window?.days ?? [1, 2, 3, 4, 5]).map(String),
    start: window?.start ?? '09:00',
    end: window?.end ?? '18:00',
    timezone: window?.timezone ?? 'workspace',
    entry_segment_id: sequence.entry_segment_id ?? '',
    reentry: sequence.reentry_after_days === null ? 'never' : 'after',
    reentry_after_days: sequence.reentry_after_days ?? 30,
    goalOn: sequence.goal_rules !== null,
    goal_rules: sequence.goal_rules ?? { op: 'and', rules: [] },
  };
}

function bodyOf(values: TSettingsValues): TSequenceUpdateBody {
  return {
    send_window: values.windowOn
      ? { days: values.days.map(Number).sort((a, b) => a - b), start: values.start, end: values.end, timezone: values.timezone }
      : null,
    entry_segment_id: values.entry_segment_id || null,
    // An empty number goes as is: the server's error lands on the field.
    reentry_after_days: values.reentry === 'never' ? null : (values.reentry_after_days as number),
    goal_rules: values.goalOn ? values.goal_rules : null,
  };
}

/** The server names "send_window.end" or "goal_rules.rules.0.value"; the form's fields are "end" and "goal_rules". */
function fieldOf(path: string): string {
  if (path.startsWith('goal_rules')) return 'goal_rules';
  if (path.startsWith('send_window')) return path.replace(/^send_window\.?/, '').split('.')[0] || 'days';
  return path;
}

/** "Réglages": when emails may go, who enters by a segment, whether a lead may enter again, and the goal. */
export function SequenceSettingsTab({ sequence, readOnly }: { sequence: TSequence; readOnly: boolean }) {
  const { t } = useTranslation();
  const segments = useSegments();
  const update = useUpdateSequence(sequence.id);
  const form = useForm<TSettingsValues>({
    initialValues: valuesOf(sequence),
    validate: {
      days: (days, values) => (values.windowOn && days.length === 0 ? t('validation.required') : null),
      end: (end, values) => (values.windowOn && end <= values.start ? t('validation.codes.window_end') : null),
      reentry_after_days: (days, values) => (values.reentry === 'after' && days === '' ? t('validation.required') : null),
    },
  });
  const submit = (values: TSettingsValues) =>
    update.mutate(bodyOf(values), {
      onSuccess: (saved) => {
        form.resetDirty(valuesOf(saved));
        notifications.show({ color: 'teal', message: t('email.sequences.settings.saved') });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.errors.length > 0) {
          form.setErrors(Object.fromEntries(Object.entries(error.fieldErrors()).map(([path, message]) => [fieldOf(path), message])));
        } else notifyError(error, t);
      },
    });
  const segmentOptions = [
    { value: '', label: t('email.sequences.settings.noEntrySegment') },
    ...(segments.data ?? []).map((segment) => ({ value: segment.id, label: segment.name })),
  ];
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="lg">
        <CardSection title={t('email.sequences.settings.window')}>
          <Switch
            label={t('email.sequences.settings.windowOn')}
            description={t('email.sequences.settings.windowHint')}
            disabled={readOnly}
            {...form.getInputProps('windowOn', { type: 'checkbox' })}
          />
          {form.values.windowOn && <SendWindowFields form={form} readOnly={readOnly} />}
        </CardSection>
        <CardSection title={t('email.sequences.settings.entry')}>
          <Select
            label={t('email.sequences.settings.entrySegment')}
            description={t('email.sequences.settings.entrySegmentHint')}
            data={segmentOptions}
            allowDeselect={false}
            readOnly={readOnly}
            maw={420}
            {...form.getInputProps('entry_segment_id')}
          />
          <Radio.Group label={t('email.sequences.settings.reentry')} {...form.getInputProps('reentry')}>
            <Stack gap="xs" mt="xs">
              <Radio value="never" label={t('email.sequences.settings.reentryNever')} disabled={readOnly} />
              <Group gap="xs" align="center" wrap="wrap">
                <Radio value="after" label={t('email.sequences.settings.reentryAfter')} disabled={readOnly} />
                <NumberField
                  aria-label={t('email.sequences.settings.reentryDays')}
                  decimals={0}
                  min={1}
                  max={3650}
                  w={100}
                  readOnly={readOnly}
                  disabled={form.values.reentry !== 'after'}
                  {...form.getInputProps('reentry_after_days')}
                />
                <Text size="sm">{t('email.sequences.settings.reentryDaysUnit')}</Text>
              </Group>
            </Stack>
          </Radio.Group>
        </CardSection>
        <CardSection title={t('email.sequences.settings.goal')}>
          <Switch
            label={t('email.sequences.settings.goalOn')}
            description={t('email.sequences.settings.goalHint')}
            disabled={readOnly}
            {...form.getInputProps('goalOn', { type: 'checkbox' })}
          />
          {form.values.goalOn && (
            <RuleBuilder value={form.values.goal_rules} onChange={(rules) => form.setFieldValue('goal_rules', rules)} readOnly={readOnly} />
          )}
          {form.errors.goal_rules && (
            <Text size="sm" c="red">
              {form.errors.goal_rules}
            </Text>
          )}
        </CardSection>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
