import { Button, Group, MultiSelect, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCrmSettings } from '../../../../contracts/crm-scoring.js';
import type { TMember } from '../../../../contracts/workspaces.js';
import { api, ApiError } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { QueryState } from '../../../ui/query-state.js';
import { TitledSection } from '../../../ui/titled-section.js';
import { useWorkspaceMembers } from '../crm-api.js';
import { CRM_SETTINGS_KEY, useCrmSettings } from './crm-settings-api.js';

/** Round-robin: switch it on and choose who takes new leads in turn. */
export function RoundRobinSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const settings = useCrmSettings();
  const members = useWorkspaceMembers();
  return (
    <TitledSection id="crm-round-robin-title" title={t('crmSettings.roundRobin.title')}>
      <Text size="sm">{t('crmSettings.roundRobin.description')}</Text>
      <QueryState query={settings}>
        {(current) => (
          <QueryState query={members}>
            {(list) => <RoundRobinForm key={JSON.stringify(current)} settings={current} members={list} canEdit={canEdit} />}
          </QueryState>
        )}
      </QueryState>
    </TitledSection>
  );
}

type FormProps = { settings: TCrmSettings; members: TMember[]; canEdit: boolean };

function RoundRobinForm({ settings, members, canEdit }: FormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const present = new Set(members.map((m) => m.user_id));
  // Members who left the workspace are dropped from the form (the server skips them anyway).
  const [enabled, setEnabled] = useState(settings.round_robin_enabled);
  const [memberIds, setMemberIds] = useState(settings.round_robin_member_ids.filter((id) => present.has(id)));
  const save = useMutation({
    mutationFn: () => api.patch<TCrmSettings>('/api/marketing/crm-settings', { round_robin_enabled: enabled, round_robin_member_ids: memberIds }),
    onSuccess: (next) => {
      queryClient.setQueryData(CRM_SETTINGS_KEY, next);
      notifications.show({ color: 'teal', message: t('crmSettings.saved') });
    },
    onError: (error) => {
      if (!(error instanceof ApiError && error.status === 400)) notifyError(error, t);
    },
  });
  const fieldError = save.error instanceof ApiError ? save.error.fieldErrors().round_robin_member_ids : undefined;
  return (
    <Stack gap="sm">
      <Switch label={t('crmSettings.roundRobin.enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} disabled={!canEdit} />
      <MultiSelect
        label={t('crmSettings.roundRobin.members')}
        description={t('crmSettings.roundRobin.membersHint')}
        placeholder={memberIds.length === 0 ? t('crmSettings.roundRobin.pickMembers') : undefined}
        data={members.map((m) => ({ value: m.user_id, label: `${m.name} (${m.email})` }))}
        value={memberIds}
        onChange={setMemberIds}
        error={fieldError}
        readOnly={!canEdit}
        searchable
        maw={560}
      />
      {canEdit && (
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('crmSettings.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
