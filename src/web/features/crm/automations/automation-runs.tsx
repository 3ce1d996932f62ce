import { Accordion, Badge, Drawer, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  AUTOMATION_ERROR_CODES,
  type TAutomation,
  type TAutomationErrorCode,
  type TAutomationRun,
  type TAutomationStep,
} from '../../../../contracts/crm-automations.js';
import { useFormatDate } from '../../../lib/format.js';
import { QueryState } from '../../../ui/query-state.js';
import { useAutomationRuns } from './automations-api.js';
import { RUN_STATUS_COLOR } from './automation-labels.js';

type Props = { automation: TAutomation | null; onClose: () => void };

/** The run log of one automation: per run, the lead, what triggered it, each action's result or why it was skipped. */
export function AutomationRuns({ automation, onClose }: Props) {
  const { t } = useTranslation();
  const runs = useAutomationRuns(automation?.id ?? null);
  return (
    <Drawer
      opened={automation !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={automation ? t('crmAutomations.runs.title', { name: automation.name }) : ''}
    >
      <QueryState query={runs}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{t('crmAutomations.runs.empty')}</Text>
          ) : (
            <Accordion variant="separated" multiple>
              {items.map((run) => (
                <RunItem key={run.id} run={run} />
              ))}
            </Accordion>
          )
        }
      </QueryState>
    </Drawer>
  );
}

function RunItem({ run }: { run: TAutomationRun }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const formatDate = useFormatDate();
  const eventType = run.trigger_event.event_type;
  const eventLabel = t(`crmAutomations.events.${eventType as 'created'}`, { defaultValue: eventType });
  return (
    <Accordion.Item value={run.id}>
      <Accordion.Control>
        <Group gap="sm" wrap="nowrap">
          <Badge color={RUN_STATUS_COLOR[run.status]} variant="light">
            {t(`crmAutomations.runs.status.${run.status}`)}
          </Badge>
          <Text size="sm" fw={500} truncate>
            {run.lead_name ?? (run.lead_id ? '—' : t('crmAutomations.runs.deletedLead'))}
          </Text>
          <Text size="xs" c="dimmed" ml="auto" style={{ whiteSpace: 'nowrap' }}>
            {formatDate(run.created_at)}
          </Text>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="xs">
          <Text size="sm">{t('crmAutomations.runs.trigger', { event: eventLabel })}</Text>
          {run.depth > 0 && (
            <Text size="sm" c="dimmed">
              {t('crmAutomations.runs.chain', { count: run.depth })}
            </Text>
          )}
          {run.skip_reason && <Text size="sm">{t(`crmAutomations.runs.skip.${run.skip_reason}`)}</Text>}
          {run.status === 'failed' && run.error && (
            <Text size="sm" c="red">
              {errorText(run.error_code, run.error_params, run.error)}
            </Text>
          )}
          {run.steps.length > 0 && (
            <List spacing={4} size="sm">
              {run.steps.map((step, index) => (
                <StepLine key={index} step={step} />
              ))}
            </List>
          )}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

function StepLine({ step }: { step: TAutomationStep }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const details = [
    // A webhook's failure says its status itself.
    step.status_code !== null && !(step.status === 'failed' && step.error_code) ? t('crmAutomations.runs.httpStatus', { code: step.status_code }) : null,
    step.status === 'failed' ? errorText(step.error_code, step.error_params, step.error) : null,
    step.status === 'skipped' ? t('crmAutomations.runs.stepSkipped') : null,
  ].filter(Boolean);
  return (
    <List.Item
      icon={
        <Badge size="xs" color={RUN_STATUS_COLOR[step.status]} variant="dot">
          {t(`crmAutomations.runs.stepStatus.${step.status}`)}
        </Badge>
      }
    >
      {t(`crmAutomations.actionTypes.${step.type}`)}
      {details.length > 0 && (
        <Text span size="xs" c={step.status === 'failed' ? 'red' : 'dimmed'}>
          {' '}
          — {details.join(' · ')}
        </Text>
      )}
    </List.Item>
  );
}

/**
 * A failure in the reader's language from its code and parameters; runs logged before codes existed
 * (or a code this version does not know) show the server's English sentence.
 */
function useErrorText(): (code: string | null, params: Record<string, string | number> | null, fallback: string | null) => string | null {
  const { t } = useTranslation();
  return (code, params, fallback) =>
    code && (AUTOMATION_ERROR_CODES as readonly string[]).includes(code)
      ? t(`crmAutomations.runs.errors.${code as TAutomationErrorCode}`, { ...params, defaultValue: fallback ?? code })
      : fallback;
}
