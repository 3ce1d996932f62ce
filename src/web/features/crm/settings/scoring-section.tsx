import { Alert, Badge, Button, Group, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RowActions } from '../../../ui/row-actions.js';
import type { TScoringRule } from '../../../../contracts/crm-scoring.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { QueryState } from '../../../ui/query-state.js';
import { TitledSection } from '../../../ui/titled-section.js';
import { LEADS_KEY } from '../crm-api.js';
import { SCORING_RULES_KEY, useCrmSettings, useScoringRules } from './crm-settings-api.js';
import { HalfLifeForm } from './half-life-form.js';
import { ScoringRuleModal, type TRuleEditTarget } from './scoring-rule-modal.js';
import { useDescribeRule } from './use-describe-rule.js';
import { QueryTable } from '../../../ui/query-table.js';

/** Scoring: the formula in plain words, the half-life, and the rules (add, edit, switch off, delete). */
export function ScoringSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useCrmSettings();
  const rules = useScoringRules();
  const describe = useDescribeRule();
  const [editing, setEditing] = useState<TRuleEditTarget>(null);
  const [deleting, setDeleting] = useState<TScoringRule | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: SCORING_RULES_KEY });
    void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
  };
  const toggle = useMutation({
    mutationFn: (rule: TScoringRule) => api.patch(`/api/marketing/scoring-rules/${rule.id}`, { active: !rule.active }),
    onSuccess: refresh,
    onError: (error) => notifyError(error, t),
  });
  const remove = useMutation({
    mutationFn: (rule: TScoringRule) => api.delete(`/api/marketing/scoring-rules/${rule.id}`),
    onSuccess: () => {
      setDeleting(null);
      notifications.show({ color: 'teal', message: t('crmSettings.scoring.deleted') });
      refresh();
    },
    onError: (error) => notifyError(error, t),
  });

  return (
    <TitledSection id="crm-scoring-title" title={t('crmSettings.scoring.title')}>
      <QueryState query={settings}>
        {(data) => (
          <>
            <Text size="sm">{t('crmSettings.scoring.formula', { days: data.score_half_life_days })}</Text>
            <HalfLifeForm key={data.score_half_life_days} settings={data} canEdit={canEdit} />
          </>
        )}
      </QueryState>
      <Alert variant="light" color="blue">
        {t('crmSettings.scoring.background')}
      </Alert>
      <Group justify="space-between">
        <Text fw={600}>{t('crmSettings.scoring.rules')}</Text>
        {canEdit && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setEditing({ kind: 'event' })}>
              {t('crmSettings.scoring.addEvent')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setEditing({ kind: 'fit' })}>
              {t('crmSettings.scoring.addFit')}
            </Button>
          </Group>
        )}
      </Group>
      <QueryTable
        query={rules}
        empty={t('crmSettings.scoring.noRules')}
        minWidth={700}
        spacing="xs"
        labelledBy="crm-scoring-title"
        headers={[
          t('crmSettings.scoring.name'),
          t('crmSettings.scoring.kind'),
          t('crmSettings.scoring.criterion'),
          { label: t('crmSettings.scoring.points'), alignRight: true },
          t('crmSettings.scoring.active'),
          ...(canEdit ? [t('crmSettings.actions')] : []),
        ]}
        row={(rule) => (
          <Table.Tr key={rule.id} data-testid="scoring-rule">
            <Table.Td>{rule.name}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={rule.kind === 'event' ? 'grape' : 'cyan'}>
                {t(`crmSettings.scoring.kinds.${rule.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{describe(rule)}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {rule.points > 0 ? `+${rule.points}` : rule.points}
            </Table.Td>
            <Table.Td>
              <Switch
                checked={rule.active}
                disabled={!canEdit || toggle.isPending}
                onChange={() => toggle.mutate(rule)}
                aria-label={`${t('crmSettings.scoring.active')} : ${rule.name}`}
              />
            </Table.Td>
            {canEdit && (
              <Table.Td>
                <RowActions name={rule.name} onEdit={() => setEditing({ rule })} onDelete={() => setDeleting(rule)} />
              </Table.Td>
            )}
          </Table.Tr>
        )}
      />
      <ScoringRuleModal target={editing} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('crmSettings.scoring.deleteTitle')}
        confirmLabel={t('crmSettings.delete')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      >
        {t('crmSettings.scoring.deleteBody', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </TitledSection>
  );
}
