import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WAIT_UNITS, type TSequenceStep, type TWaitUnit } from '../../../../contracts/email-sequences.js';
import { NumberField } from '../../../ui/number-field.js';
import { weekdayName } from './describe-step.js';
import { useStepEditor } from './step-editor-context.js';
import { replaceStep } from './step-tree.js';

type TWait = Extract<TSequenceStep, { type: 'wait' }>;
type TWaitUntil = Extract<TSequenceStep, { type: 'wait_until' }>;

/** "Attendre 2 jours": an amount (1 to 1 000) and a unit. */
export function WaitStepFields({ step }: { step: TWait }) {
  const { t } = useTranslation();
  const editor = useStepEditor();
  const set = (next: Partial<TWait>) => editor.change((steps) => replaceStep(steps, step.id, { ...step, ...next }));
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      <NumberField
        label={t('email.sequences.wait.amount')}
        value={step.amount}
        onChange={(value) => value !== '' && set({ amount: value })}
        decimals={0}
        min={1}
        max={1000}
        readOnly={editor.readOnly}
        w={120}
      />
      <Select
        label={t('email.sequences.wait.unit')}
        data={WAIT_UNITS.map((unit) => ({ value: unit, label: t(`email.sequences.wait.units.${unit}`) }))}
        value={step.unit}
        onChange={(value) => value && set({ unit: value as TWaitUnit })}
        allowDeselect={false}
        readOnly={editor.readOnly}
        w={150}
      />
    </Group>
  );
}

/** "Attendre jusqu'au lundi à 9 h": a weekday (or the next day at that time) and a time. */
export function WaitUntilStepFields({ step }: { step: TWaitUntil }) {
  const { t, i18n } = useTranslation();
  const editor = useStepEditor();
  const locale = i18n.resolvedLanguage ?? 'fr';
  const set = (next: Partial<TWaitUntil>) => editor.change((steps) => replaceStep(steps, step.id, { ...step, ...next }));
  const days = [
    { value: '', label: t('email.sequences.wait.anyDay') },
    ...[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: weekdayName(locale, day) })),
  ];
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      <Select
        label={t('email.sequences.wait.day')}
        data={days}
        value={step.weekday === null ? '' : String(step.weekday)}
        onChange={(value) => set({ weekday: value ? Number(value) : null })}
        allowDeselect={false}
        readOnly={editor.readOnly}
        w={200}
      />
      <TextInput
        type="time"
        label={t('email.sequences.wait.time')}
        value={step.time}
        // An emptied time field keeps the last valid time (the contract needs HH:MM).
        onChange={(event) => /^\d\d:\d\d$/.test(event.currentTarget.value) && set({ time: event.currentTarget.value })}
        readOnly={editor.readOnly}
        w={130}
      />
    </Group>
  );
}
