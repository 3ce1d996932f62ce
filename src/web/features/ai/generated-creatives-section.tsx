import { Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TAdCampaign } from '../../../contracts/ads.js';
import { useFormatters } from '../../lib/format.js';
import { CardSection } from '../../ui/card-section.js';
import { useSignedInMe } from '../auth/session.js';
import { generationsKey, useGeneratedCreatives, useRegenerateAt } from './ai-api.js';
import { AdCreativeSetView } from './ad-creative-set.js';

/**
 * The creatives a generation wrote for this campaign (its latest), on the campaign's page; nothing at all for a
 * campaign made by hand, or when the generations cannot be read (the rest of the page matters more).
 */
export function GeneratedCreativesSection({ campaign }: { campaign: TAdCampaign }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const canEdit = useSignedInMe().role !== 'viewer';
  const queryClient = useQueryClient();
  const { generation: latest, set } = useGeneratedCreatives(campaign.id);
  const { busyIndex, regenerateAt } = useRegenerateAt('variant', () => void queryClient.invalidateQueries({ queryKey: generationsKey(campaign.id) }));
  if (!latest || !set) return null;
  return (
    <CardSection title={t('aiGenerate.ads.generatedTitle')}>
      <Text size="sm" c="dimmed">
        {t('aiGenerate.ads.generatedOn', { date: format.dateTime(latest.created_at) })}
      </Text>
      <AdCreativeSetView
        set={set}
        platform={campaign.platform}
        currency={campaign.currency}
        onRegenerate={canEdit ? (index) => regenerateAt(latest.id, index) : undefined}
        busyIndex={busyIndex}
      />
    </CardSection>
  );
}
