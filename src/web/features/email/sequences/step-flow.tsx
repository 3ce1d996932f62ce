import { ActionIcon, Box, Loader, Menu, Stack, Tooltip } from '@mantine/core';
import { IconCalendarEvent, IconClock, IconGitBranch, IconHourglass, IconMail, IconPlus } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SEQUENCE_DEPTH, MAX_SEQUENCE_STEPS, type TSequenceStep } from '../../../../contracts/email-sequences.js';
import { useStepEditor } from './step-editor-context.js';
import { StepCard } from './step-card.js';
import { insertStep, newStepId, stepIds, type TListKey } from './step-tree.js';

type Props = { list: TSequenceStep[]; listKey: TListKey; depth: number };

/** One list of steps top to bottom, joined by connectors, with a "+" before, between and after the cards. */
export function StepFlow({ list, listKey, depth }: Props) {
  return (
    <Stack gap={0} align="stretch" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      <Inserter listKey={listKey} index={0} depth={depth} />
      {list.map((step, index) => (
        <Fragment key={step.id}>
          <li>
            <StepCard step={step} index={index} count={list.length} listKey={listKey} depth={depth} />
          </li>
          <Inserter listKey={listKey} index={index + 1} depth={depth} />
        </Fragment>
      ))}
    </Stack>
  );
}

function Connector() {
  return <Box w={2} h={14} mx="auto" bg="var(--mantine-color-default-border)" aria-hidden />;
}

/** The connector between two cards, with the "+" that inserts a step there (only a line when read-only). */
function Inserter({ listKey, index, depth }: { listKey: TListKey; index: number; depth: number }) {
  const { t } = useTranslation();
  const editor = useStepEditor();
  if (editor.readOnly) {
    return (
      <Box component="li" role="presentation">
        <Connector />
      </Box>
    );
  }
  const canAdd = editor.limits.canAddAt(depth);
  const hint = editor.limits.full
    ? t('email.sequences.steps.limitSteps', { max: MAX_SEQUENCE_STEPS })
    : t('email.sequences.steps.limitDepth', { max: MAX_SEQUENCE_DEPTH });
  const id = (steps: TSequenceStep[]) => newStepId(stepIds(steps));
  return (
    <Stack gap={0} align="center" component="li">
      <Connector />
      {canAdd ? (
        <Menu position="bottom" withinPortal shadow="md">
          <Menu.Target>
            <ActionIcon variant="default" radius="xl" size="md" aria-label={t('email.sequences.steps.addHere')} disabled={editor.addingEmail}>
              {editor.addingEmail ? <Loader size={14} /> : <IconPlus size={16} />}
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('email.sequences.steps.addLabel')}</Menu.Label>
            <Menu.Item leftSection={<IconMail size={16} aria-hidden />} onClick={() => editor.addEmail(listKey, index)}>
              {t('email.sequences.types.email')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconHourglass size={16} aria-hidden />}
              onClick={() => editor.change((steps) => insertStep(steps, listKey, index, { id: id(steps), type: 'wait', amount: 1, unit: 'days' }))}
            >
              {t('email.sequences.types.wait')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconClock size={16} aria-hidden />}
              onClick={() => editor.change((steps) => insertStep(steps, listKey, index, { id: id(steps), type: 'wait_until', weekday: null, time: '09:00' }))}
            >
              {t('email.sequences.types.wait_until')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconCalendarEvent size={16} aria-hidden />}
              onClick={() => editor.change((steps) => insertStep(steps, listKey, index, { id: id(steps), type: 'wait_anchor', offset_minutes: -60 }))}
            >
              {t('email.sequences.types.wait_anchor')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconGitBranch size={16} aria-hidden />}
              disabled={!editor.limits.canAddConditionAt(depth)}
              onClick={() =>
                editor.change((steps) =>
                  insertStep(steps, listKey, index, { id: id(steps), type: 'condition', condition: { kind: 'opened_previous' }, yes: [], no: [] }),
                )
              }
            >
              {t('email.sequences.types.condition')}
            </Menu.Item>
            {!editor.limits.canAddConditionAt(depth) && <Menu.Label>{t('email.sequences.steps.limitDepth', { max: MAX_SEQUENCE_DEPTH })}</Menu.Label>}
          </Menu.Dropdown>
        </Menu>
      ) : (
        <Tooltip label={hint} multiline w={240} withArrow>
          <ActionIcon variant="default" radius="xl" size="md" aria-label={`${t('email.sequences.steps.addHere')} (${hint})`} data-disabled aria-disabled="true">
            <IconPlus size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      <Connector />
    </Stack>
  );
}
