import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle, IconTrendingUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAdCampaign } from '../../../contracts/ads.js';
import { useCampaignFormat } from './ad-format.js';

/** The budget pacing warning (over or under spend) and the CPA alert, when the server raised them. */
export function AdWarnings({ campaign, compact = false }: { campaign: TAdCampaign; compact?: boolean }) {
  const { t } = useTranslation();
  const format = useCampaignFormat(campaign.currency);
  const { pacing, cpa_alert: alert } = campaign;
  const pacingOff = pacing && pacing.state !== 'on_track';
  if (!pacingOff && !alert) return null;
  const day = (date: string) => format.date(`${date}T12:00:00Z`);
  const size = compact ? 'xs' : 'sm';
  return (
    <Stack gap={6}>
      {pacingOff && (
        <Alert
          color={pacing.state === 'over' ? 'red' : 'yellow'}
          variant="light"
          p={compact ? 'xs' : undefined}
          icon={<IconAlertTriangle size={16} aria-hidden />}
          title={compact ? undefined : t(`ads.pacing.${pacing.state}`)}
          data-testid="ad-pacing-warning"
          styles={{ message: { fontSize: `var(--mantine-font-size-${size})` } }}
        >
          {compact && `${t(`ads.pacing.${pacing.state}`)} · `}
          {t(`ads.pacing.detail.${pacing.basis}`, {
            spent: format.money(pacing.spent),
            projected: format.money(pacing.projected),
            budget: format.money(pacing.budget),
          })}
        </Alert>
      )}
      {alert && (
        <Alert
          color="red"
          variant="light"
          p={compact ? 'xs' : undefined}
          icon={<IconTrendingUp size={16} aria-hidden />}
          title={compact ? undefined : t('ads.cpaAlert.title')}
          data-testid="ad-cpa-alert"
          styles={{ message: { fontSize: `var(--mantine-font-size-${size})` } }}
        >
          {t('ads.cpaAlert.detail', {
            cpa: format.money(alert.cpa),
            date: day(alert.date),
            rise: format.percent(alert.rise),
            average: format.money(alert.average_cpa),
            threshold: format.percent(alert.threshold),
          })}
        </Alert>
      )}
    </Stack>
  );
}
