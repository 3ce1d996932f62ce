import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdMetrics } from '../../../contracts/ads.js';
import { BarsChart, TimeSeriesChart } from '../../ui/charts/index.js';
import { orNone, useCampaignFormat } from './ad-format.js';

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {title}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** Spend per day, conversions per day (platform-reported beside the leads really created) and the CPA trend. */
export function CampaignCharts({ metrics }: { metrics: TAdMetrics }) {
  const { t } = useTranslation();
  const format = useCampaignFormat(metrics.currency);
  const label = (date: string) =>
    new Intl.DateTimeFormat(format.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const empty = metrics.days.length === 0 ? t('ads.charts.empty') : false;
  const day = t('ads.charts.day');
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" data-testid="ad-charts">
      <ChartCard title={t('ads.charts.spend')}>
        <BarsChart
          title={t('ads.charts.spend')}
          rowHeader={day}
          points={metrics.days.map((d) => ({ label: label(d.date), values: { spend: d.spend } }))}
          series={[{ key: 'spend', label: t('ads.metrics.spent') }]}
          valueFormatter={format.money}
          empty={empty}
        />
      </ChartCard>
      <ChartCard title={t('ads.charts.conversions')}>
        <TimeSeriesChart
          title={t('ads.charts.conversions')}
          rowHeader={day}
          points={metrics.days.map((d) => ({ label: label(d.date), values: { conversions: d.conversions, leads: d.leads } }))}
          series={[
            { key: 'conversions', label: t('ads.charts.platformConversions') },
            { key: 'leads', label: t('ads.results.leads') },
          ]}
          valueFormatter={(n) => format.number(n, 2)}
          empty={empty}
        />
      </ChartCard>
      <ChartCard title={t('ads.charts.cpa')}>
        <TimeSeriesChart
          title={t('ads.charts.cpa')}
          rowHeader={day}
          points={metrics.days.map((d) => ({ label: label(d.date), values: { cpa: d.cpa } }))}
          series={[{ key: 'cpa', label: t('ads.metrics.cpa') }]}
          valueFormatter={(n) => orNone(n, format.money)}
          empty={empty || (metrics.days.every((d) => d.cpa === null) ? t('ads.charts.noCpa') : false)}
        />
      </ChartCard>
    </SimpleGrid>
  );
}
