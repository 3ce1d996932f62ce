import { Button, Group, NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCORE_HALF_LIFE_MAX, SCORE_HALF_LIFE_MIN, type TCrmSettings } from '../../../../contracts/crm-scoring.js';
import { api, ApiError } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { LEADS_KEY } from '../crm-api.js';
import { CRM_SETTINGS_KEY } from './crm-settings-api.js';

type Props = { settings: TCrmSettings; canEdit: boolean };

/** The half-life of engagement points; saving it recalculates every score in the background. */
export function HalfLifeForm({ settings, canEdit }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [days, setDays] = useState<number | ''>(settings.score_half_life_days);
  const save = useMutation({
    mutationFn: () => api.patch<TCrmSettings>('/api/marketing/crm-settings', { score_half_life_days: days }),
    onSuccess: (next) => {
      queryClient.setQueryData(CRM_SETTINGS_KEY, next);
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
      notifications.show({ color: 'teal', message: t('crmSettings.saved') });
    },
    onError: (error) => {
      if (!(error instanceof ApiError && error.status === 400)) notifyError(error, t);
    },
  });
  const fieldError = save.error instanceof ApiError ? save.error.fieldErrors().score_half_life_days : undefined;
  return (
    <Group align="flex-end">
      <NumberInput
        label={t('crmSettings.scoring.halfLife')}
        description={t('crmSettings.scoring.halfLifeHint')}
        suffix={` ${t('crmSettings.scoring.days')}`}
        min={SCORE_HALF_LIFE_MIN}
        max={SCORE_HALF_LIFE_MAX}
        allowDecimal={false}
        value={days}
        onChange={(v) => setDays(typeof v === 'number' ? v : '')}
        error={fieldError}
        readOnly={!canEdit}
        w={320}
      />
      {canEdit && (
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={days === '' || days === settings.score_half_life_days}>
          {t('crmSettings.save')}
        </Button>
      )}
    </Group>
  );
}
