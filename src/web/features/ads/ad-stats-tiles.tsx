import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAdStats } from '../../../contracts/ads.js';
import { StatCard } from '../../ui/stat-card.js';
import { Verdict } from './ad-badges.js';
import { ctrQuality, formatRoas, orNone, roasQuality, useCampaignFormat } from './ad-format.js';

type TLine = TAdStats['overall'];

/** The period's totals of a tab (all platforms or one): spend, reach, conversions and what they really brought. */
export function AdStatsTiles({ line, stats }: { line: TLine; stats: TAdStats }) {
  const { t } = useTranslation();
  const format = useCampaignFormat(stats.currency);
  const ctr = ctrQuality(line.ctr);
  const roas = roasQuality(line.roas);
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="ad-stats">
        <StatCard label={t('ads.metrics.spent')} value={format.money(line.spent)} detail={t('ads.stats.campaigns', { count: line.campaigns })} />
        <StatCard label={t('ads.metrics.impressions')} value={format.number(line.impressions, 0)} />
        <StatCard label={t('ads.metrics.clicks')} value={format.number(line.clicks, 0)} detail={t('ads.stats.cpc', { cpc: orNone(line.cpc, format.money) })} />
        <StatCard
          label={t('ads.metrics.ctr')}
          value={orNone(line.ctr, (n) => format.percent(n, 2))}
          detail={ctr && <Verdict quality={ctr} text={t(`ads.quality.ctr.${ctr}`, { mark: format.percent(0.01) })} />}
        />
        <StatCard label={t('ads.metrics.conversions')} value={format.number(line.conversions, 2)} detail={t('ads.stats.platformReported')} />
        <StatCard
          label={t('ads.metrics.cpa')}
          value={orNone(line.cpa, format.money)}
          detail={t('ads.stats.realCpa', { cpa: orNone(line.results.real_cpa, format.money) })}
        />
        <StatCard
          label={t('ads.metrics.revenue')}
          value={format.money(line.results.revenue)}
          detail={t('ads.stats.results', { leads: line.results.leads, sales: line.results.sales + line.results.won_deals })}
        />
        <StatCard
          label={t('ads.metrics.roas')}
          value={formatRoas(format, line.roas)}
          detail={roas && <Verdict quality={roas} text={t(`ads.quality.roas.${roas}`)} />}
        />
      </SimpleGrid>
      {stats.other_currency_campaigns > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('ads.stats.otherCurrency', { count: stats.other_currency_campaigns, currency: stats.currency })}
        </Text>
      )}
    </>
  );
}
