import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_STAGE_PROBABILITIES, OPEN_LEAD_STATUSES, type TCrmSettings, type TOpenLeadStatus } from '../../../../contracts/crm-scoring.js';
import { api, ApiError } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { NumberField } from '../../../ui/number-field.js';
import { QueryState } from '../../../ui/query-state.js';
import { TitledSection } from '../../../ui/titled-section.js';
import { STATS_KEY } from '../crm-api.js';
import { CRM_SETTINGS_KEY, useCrmSettings } from './crm-settings-api.js';

/** "Probabilités de gain par étape": the percentage each open stage weighs in the weighted pipeline. */
export function StageProbabilitiesSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const settings = useCrmSettings();
  return (
    <TitledSection id="crm-probabilities-title" title={t('crmSettings.probabilities.title')}>
      <Text size="sm">{t('crmSettings.probabilities.description')}</Text>
      <QueryState query={settings}>
        {(current) => <ProbabilitiesForm key={JSON.stringify(current.stage_probabilities)} settings={current} canEdit={canEdit} />}
      </QueryState>
    </TitledSection>
  );
}

type TDraft = Record<TOpenLeadStatus, number | ''>;

function ProbabilitiesForm({ settings, canEdit }: { settings: TCrmSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = settings.stage_probabilities;
  const [draft, setDraft] = useState<TDraft>(() => pick(saved));
  const save = useMutation({
    mutationFn: () => api.patch<TCrmSettings>('/api/marketing/crm-settings', { stage_probabilities: draft }),
    onSuccess: (next) => {
      queryClient.setQueryData(CRM_SETTINGS_KEY, next);
      // The weighted pipeline (CRM strip and dashboard) now weighs with the new values.
      void queryClient.invalidateQueries({ queryKey: STATS_KEY });
      // The dashboard's query key (['dashboard', period]), written out so the CRM chunk does not load the dashboard's code.
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      notifications.show({ color: 'teal', message: t('crmSettings.saved') });
    },
    onError: (error) => {
      if (!(error instanceof ApiError && error.status === 400)) notifyError(error, t);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const incomplete = OPEN_LEAD_STATUSES.some((s) => draft[s] === '');
  const unchanged = OPEN_LEAD_STATUSES.every((s) => draft[s] === saved[s]);
  const isDefault = OPEN_LEAD_STATUSES.every((s) => draft[s] === DEFAULT_STAGE_PROBABILITIES[s]);
  const percent = (
    <Text size="sm" c="dimmed" aria-hidden>
      %
    </Text>
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} maw={900}>
        {OPEN_LEAD_STATUSES.map((status) => (
          <NumberField
            key={status}
            label={t(`crmBoard.status.${status}`)}
            // The label says the stage; the unit is read out with it.
            aria-label={`${t(`crmBoard.status.${status}`)} (%)`}
            decimals={0}
            min={0}
            max={100}
            value={draft[status]}
            onChange={(value) => setDraft((d) => ({ ...d, [status]: value }))}
            rightSection={percent}
            error={errors[`stage_probabilities.${status}`]}
            readOnly={!canEdit}
          />
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('crmSettings.probabilities.fixed')}
      </Text>
      {canEdit && (
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={incomplete || unchanged}>
            {t('crmSettings.save')}
          </Button>
          <Button variant="subtle" onClick={() => setDraft(pick(DEFAULT_STAGE_PROBABILITIES))} disabled={isDefault}>
            {t('crmSettings.probabilities.reset')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function pick(probabilities: Record<TOpenLeadStatus, number>): TDraft {
  return Object.fromEntries(OPEN_LEAD_STATUSES.map((s) => [s, probabilities[s]])) as TDraft;
}
