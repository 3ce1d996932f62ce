import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TEmailCampaignSummary } from '../../../../contracts/email-campaigns.js';

const COLORS = { draft: 'gray', scheduled: 'blue', active: 'teal', paused: 'orange', completed: 'violet' } as const;

/** The campaign's status in words; a canceled campaign shows as completed with "annulée". */
export function CampaignStatusBadge({ campaign }: { campaign: Pick<TEmailCampaignSummary, 'status' | 'canceled_at'> }) {
  const { t } = useTranslation();
  const label = campaign.canceled_at ? t('email.status.canceled') : t(`email.status.${campaign.status}`);
  return (
    <Badge variant="light" color={COLORS[campaign.status]} style={{ flexShrink: 0 }}>
      {label}
    </Badge>
  );
}
