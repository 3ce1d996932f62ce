import { Box, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSequenceCondition } from '../../../../contracts/email-sequences.js';
import { RuleBuilder } from '../../crm/segments/rule-builder.js';
import { useStepEditor } from './step-editor-context.js';
import { StepFlow } from './step-flow.js';
import { replaceStep, type TConditionStep } from './step-tree.js';

const KINDS = ['opened_previous', 'clicked_previous', 'segment'] as const;

/** A yes/no question, then its two branches side by side (one above the other when the card is narrow). */
export function ConditionStepBody({ step, depth }: { step: TConditionStep; depth: number }) {
  const { t } = useTranslation();
  const editor = useStepEditor();
  const setCondition = (condition: TSequenceCondition) => editor.change((steps) => replaceStep(steps, step.id, { ...step, condition }));
  return (
    <Stack gap="sm">
      <Select
        label={t('email.sequences.condition.kind')}
        data={KINDS.map((kind) => ({ value: kind, label: t(`email.sequences.condition.kinds.${kind}`) }))}
        value={step.condition.kind}
        onChange={(kind) => {
          if (!kind || kind === step.condition.kind) return;
          setCondition(kind === 'segment' ? { kind, rules: { op: 'and', rules: [] } } : { kind: kind as 'opened_previous' | 'clicked_previous' });
        }}
        allowDeselect={false}
        readOnly={editor.readOnly}
        maw={360}
      />
      {step.condition.kind === 'segment' && (
        <RuleBuilder value={step.condition.rules} onChange={(rules) => setCondition({ kind: 'segment', rules })} readOnly={editor.readOnly} />
      )}
      {/* Container query: the branches sit side by side only when this card is wide enough, however deep it is. */}
      <SimpleGrid type="container" cols={{ base: 1, '520px': 2 }} spacing="sm">
        <Branch label={t('email.sequences.condition.yes')} color="teal" hint={t('email.sequences.condition.yesHint')}>
          <StepFlow list={step.yes} listKey={`${step.id}:yes`} depth={depth + 1} />
        </Branch>
        <Branch label={t('email.sequences.condition.no')} color="red" hint={t('email.sequences.condition.noHint')}>
          <StepFlow list={step.no} listKey={`${step.id}:no`} depth={depth + 1} />
        </Branch>
      </SimpleGrid>
    </Stack>
  );
}

function Branch({ label, color, hint, children }: { label: string; color: string; hint: string; children: ReactNode }) {
  return (
    <Box
      role="group"
      aria-label={label}
      p="xs"
      style={{
        borderInlineStart: `3px solid var(--mantine-color-${color}-filled)`,
        background: 'var(--mantine-color-default-hover)',
        borderRadius: 6,
        minWidth: 0,
      }}
    >
      <Text fw={700} size="sm" style={{ color: `var(--mantine-color-${color}-text)` }}>
        {label}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      {children}
    </Box>
  );
}
