import { Button, Group, Paper, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAutomation } from '../../../../contracts/crm-automations.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatDate } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { QueryState } from '../../../ui/query-state.js';
import { useConfirmedDelete } from '../../settings/use-confirmed-delete.js';
import { AUTOMATIONS_KEY, useAutomations, useToggleAutomation } from './automations-api.js';
import { AutomationEditor } from './automation-editor.js';
import { RUN_STATUS_COLOR, useActionsSummary, useTriggerSummary } from './automation-labels.js';
import { AutomationRuns } from './automation-runs.js';

/** The "Automatisations" tab of /crm: each automation with its switch and latest runs; editor and run log. */
export function AutomationsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const automations = useAutomations();
  // null: closed; 'new': a new automation; otherwise the automation being edited (or viewed).
  const [editing, setEditing] = useState<TAutomation | 'new' | null>(null);
  const [history, setHistory] = useState<TAutomation | null>(null);
  const remove = useConfirmedDelete<TAutomation>({
    basePath: '/api/marketing/automations',
    queryKey: AUTOMATIONS_KEY,
    successMessage: t('crmAutomations.deleted'),
  });
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" maw={640}>
          {t('crmAutomations.intro')}
        </Text>
        {canEdit && <Button onClick={() => setEditing('new')}>{t('crmAutomations.new')}</Button>}
      </Group>
      <QueryState query={automations}>
        {(items) =>
          items.length === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Text c="dimmed">{t('crmAutomations.empty')}</Text>
            </Paper>
          ) : (
            <Stack gap="sm">
              {items.map((automation) => (
                <AutomationRow
                  key={automation.id}
                  automation={automation}
                  canEdit={canEdit}
                  onEdit={() => setEditing(automation)}
                  onHistory={() => setHistory(automation)}
                  onDelete={() => remove.ask(automation)}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {editing !== null && (
        <AutomationEditor
          key={editing === 'new' ? 'new' : editing.id}
          automation={editing === 'new' ? null : editing}
          readOnly={!canEdit}
          onClose={() => setEditing(null)}
        />
      )}
      <AutomationRuns automation={history} onClose={() => setHistory(null)} />
      <ConfirmModal
        opened={remove.pending !== null}
        title={t('crmAutomations.deleteTitle')}
        confirmLabel={t('crmAutomations.delete')}
        loading={remove.isPending}
        onConfirm={remove.confirm}
        onClose={remove.cancel}
      >
        {t('crmAutomations.deleteBody', { name: remove.pending?.name ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}

type RowProps = { automation: TAutomation; canEdit: boolean; onEdit: () => void; onHistory: () => void; onDelete: () => void };

function AutomationRow({ automation, canEdit, onEdit, onHistory, onDelete }: RowProps) {
  const { t } = useTranslation();
  const toggle = useToggleAutomation();
  const triggerSummary = useTriggerSummary();
  const actionsSummary = useActionsSummary();
  const formatDate = useFormatDate();
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label={automation.name}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="md" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Switch
            checked={automation.active}
            disabled={!canEdit || toggle.isPending}
            aria-label={t('crmAutomations.toggle', { name: automation.name })}
            onChange={(event) => toggle.mutate({ id: automation.id, active: event.currentTarget.checked }, { onError: (error) => notifyError(error, t) })}
          />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600} truncate>
                {automation.name}
              </Text>
              <Text size="xs" c={automation.active ? 'teal' : 'dimmed'}>
                {automation.active ? t('crmAutomations.active') : t('crmAutomations.inactive')}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {triggerSummary(automation.trigger)} → {actionsSummary(automation)}
            </Text>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap" aria-label={t('crmAutomations.lastRuns')}>
          {automation.last_runs.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('crmAutomations.noRuns')}
            </Text>
          ) : (
            automation.last_runs.map((run) => (
              <Tooltip key={run.id} label={`${t(`crmAutomations.runs.status.${run.status}`)} — ${formatDate(run.created_at)}`}>
                <span
                  role="img"
                  aria-label={`${t(`crmAutomations.runs.status.${run.status}`)} — ${formatDate(run.created_at)}`}
                  style={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    borderRadius: '50%',
                    background: `var(--mantine-color-${RUN_STATUS_COLOR[run.status]}-6)`,
                  }}
                />
              </Tooltip>
            ))
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={onHistory}>
            {t('crmAutomations.history')}
          </Button>
          <Button size="xs" variant="light" onClick={onEdit}>
            {canEdit ? t('crmAutomations.edit') : t('crmAutomations.view')}
          </Button>
          {canEdit && (
            <Button size="xs" variant="subtle" color="red" onClick={onDelete}>
              {t('crmAutomations.delete')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
