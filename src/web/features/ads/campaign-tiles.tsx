import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAdMetrics } from '../../../contracts/ads.js';
import { StatCard } from '../../ui/stat-card.js';
import { Verdict } from './ad-badges.js';
import { ctrQuality, formatRoas, orNone, roasQuality, useCampaignFormat } from './ad-format.js';

/** A campaign's numbers over the range: spend, reach, platform conversions, what it really brought, ROAS and ROI. */
export function CampaignTiles({ metrics }: { metrics: TAdMetrics }) {
  const { t } = useTranslation();
  const format = useCampaignFormat(metrics.currency);
  const { totals, results } = metrics;
  const ctr = ctrQuality(totals.ctr);
  const roas = roasQuality(totals.roas);
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="ad-campaign-tiles">
      <StatCard label={t('ads.metrics.spent')} value={format.money(totals.spent)} detail={t('ads.stats.cpc', { cpc: orNone(totals.cpc, format.money) })} />
      <StatCard label={t('ads.metrics.impressions')} value={format.number(totals.impressions, 0)} />
      <StatCard
        label={t('ads.metrics.clicks')}
        value={format.number(totals.clicks, 0)}
        detail={
          <>
            {t('ads.stats.ctr', { ctr: orNone(totals.ctr, (n) => format.percent(n, 2)) })}
            {ctr && ' · '}
            {ctr && <Verdict quality={ctr} text={t(`ads.quality.ctr.${ctr}`, { mark: format.percent(0.01) })} />}
          </>
        }
      />
      <StatCard label={t('ads.metrics.conversions')} value={format.number(totals.conversions, 2)} detail={t('ads.stats.platformReported')} />
      <StatCard label={t('ads.metrics.cpa')} value={orNone(totals.cpa, format.money)} detail={t('ads.stats.platformReported')} />
      <StatCard label={t('ads.metrics.revenue')} value={format.money(results.revenue)} detail={t('ads.stats.attributed')} />
      <StatCard
        label={t('ads.metrics.roas')}
        value={formatRoas(format, totals.roas)}
        detail={roas && <Verdict quality={roas} text={t(`ads.quality.roas.${roas}`)} />}
      />
      <StatCard label={t('ads.metrics.roi')} value={orNone(totals.roi, (n) => format.percent(n, 0))} detail={t('ads.stats.roiHint')} />
    </SimpleGrid>
  );
}
