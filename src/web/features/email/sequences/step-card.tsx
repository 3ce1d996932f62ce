import { ActionIcon, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCalendarEvent, IconClock, IconGitBranch, IconHourglass, IconMail, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TSequenceStep } from '../../../../contracts/email-sequences.js';
import { ConditionStepBody } from './condition-step-body.js';
import { EmailStepBody } from './email-step-body.js';
import { useStepEditor } from './step-editor-context.js';
import { moveStep, removeStep, type TListKey } from './step-tree.js';
import { WaitAnchorStepFields } from './wait-anchor-step-fields.js';
import { WaitStepFields, WaitUntilStepFields } from './wait-step-fields.js';

const ICONS = { email: IconMail, wait: IconHourglass, wait_until: IconClock, wait_anchor: IconCalendarEvent, condition: IconGitBranch } as const;
const COLORS = { email: 'blue', wait: 'gray', wait_until: 'gray', wait_anchor: 'gray', condition: 'violet' } as const;

type Props = { step: TSequenceStep; index: number; count: number; listKey: TListKey; depth: number };

/** One step: its kind, its settings, the server's complaints about it, and move up / move down / delete. */
export function StepCard({ step, index, count, listKey, depth }: Props) {
  const { t } = useTranslation();
  const editor = useStepEditor();
  const Icon = ICONS[step.type];
  const typeLabel = t(`email.sequences.types.${step.type}`);
  const label = t('email.sequences.steps.cardLabel', { n: index + 1, type: typeLabel });
  const problems = editor.problemsOf(step.id);
  return (
    <Paper
      withBorder
      p={{ base: 'xs', sm: 'sm' }}
      radius="md"
      role="group"
      aria-label={label}
      data-step-type={step.type}
      style={problems.length > 0 ? { borderColor: 'var(--mantine-color-red-outline)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <ThemeIcon variant="light" color={COLORS[step.type]} size="md" radius="md" aria-hidden>
              <Icon size={16} />
            </ThemeIcon>
            <Text fw={600} size="sm" truncate>
              {typeLabel}
            </Text>
          </Group>
          {!editor.readOnly && (
            <Group gap={2} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                disabled={index === 0}
                aria-label={t('email.sequences.steps.moveUp', { label })}
                onClick={() => editor.change((steps) => moveStep(steps, listKey, index, -1))}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                disabled={index === count - 1}
                aria-label={t('email.sequences.steps.moveDown', { label })}
                onClick={() => editor.change((steps) => moveStep(steps, listKey, index, 1))}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('email.sequences.steps.remove', { label })}
                onClick={() => editor.change((steps) => removeStep(steps, step.id))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>
        {step.type === 'email' && <EmailStepBody step={step} />}
        {step.type === 'wait' && <WaitStepFields step={step} />}
        {step.type === 'wait_until' && <WaitUntilStepFields step={step} />}
        {step.type === 'wait_anchor' && <WaitAnchorStepFields step={step} />}
        {step.type === 'condition' && <ConditionStepBody step={step} depth={depth} />}
        {problems.map((message) => (
          <Text key={message} size="sm" c="red" role="alert">
            {message}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
