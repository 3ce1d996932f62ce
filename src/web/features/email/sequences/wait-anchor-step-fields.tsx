import { Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_ANCHOR_OFFSET_MINUTES, type TSequenceStep, type TWaitUnit } from '../../../../contracts/email-sequences.js';
import { NumberField } from '../../../ui/number-field.js';
import { useStepEditor } from './step-editor-context.js';
import { replaceStep } from './step-tree.js';

type TWaitAnchor = Extract<TSequenceStep, { type: 'wait_anchor' }>;
const UNIT_MINUTES: Record<TWaitUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/** An offset in its largest whole unit: -1440 → 1 day before. */
export function anchorOffsetParts(offset: number): { amount: number; unit: TWaitUnit; before: boolean } {
  const size = Math.abs(offset);
  const unit: TWaitUnit = size > 0 && size % 1440 === 0 ? 'days' : size > 0 && size % 60 === 0 ? 'hours' : 'minutes';
  return { amount: size / UNIT_MINUTES[unit], unit, before: offset < 0 };
}

/** "Attendre jusqu'à 1 heure avant la session": an amount, a unit, before or after (0: the start). */
export function WaitAnchorStepFields({ step }: { step: TWaitAnchor }) {
  const { t } = useTranslation();
  const editor = useStepEditor();
  const parts = anchorOffsetParts(step.offset_minutes);
  const set = (next: Partial<typeof parts>) => {
    const merged = { ...parts, ...next };
    const minutes = Math.min(MAX_ANCHOR_OFFSET_MINUTES, merged.amount * UNIT_MINUTES[merged.unit]);
    editor.change((steps) => replaceStep(steps, step.id, { ...step, offset_minutes: merged.before ? -minutes : minutes }));
  };
  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <NumberField
          label={t('email.sequences.wait.amount')}
          value={parts.amount}
          onChange={(value) => value !== '' && set({ amount: value })}
          decimals={0}
          min={0}
          max={43_200}
          readOnly={editor.readOnly}
          w={110}
        />
        <Select
          label={t('email.sequences.wait.unit')}
          data={(['minutes', 'hours', 'days'] as const).map((unit) => ({ value: unit, label: t(`email.sequences.wait.units.${unit}`) }))}
          value={parts.unit}
          onChange={(value) => value && set({ unit: value as TWaitUnit })}
          allowDeselect={false}
          readOnly={editor.readOnly}
          w={130}
        />
        <Select
          label={t('email.sequences.wait.anchorDirection')}
          data={[
            { value: 'before', label: t('email.sequences.wait.anchorBefore') },
            { value: 'after', label: t('email.sequences.wait.anchorAfter') },
          ]}
          value={parts.before ? 'before' : 'after'}
          onChange={(value) => value && set({ before: value === 'before' })}
          allowDeselect={false}
          readOnly={editor.readOnly}
          w={170}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('email.sequences.wait.anchorHelp')}
      </Text>
    </Stack>
  );
}
