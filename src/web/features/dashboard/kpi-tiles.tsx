import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../contracts/dashboard.js';
import { SparklineChart } from '../../ui/charts/index.js';
import { useDashboardFormat } from './dashboard-format.js';
import { Delta, RateDelta, Tile } from './tile.js';

/**
 * The strip of key numbers at the top of the dashboard: revenue from paid orders first, then the won leads' estimated
 * value as "Pipeline gagné" (deals closed, not money received: ARCHITECTURE.md, "Dashboard"). Each opens its page.
 */
export function KpiTiles({ data }: { data: TDashboard }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const bucketLabel = t(data.period.bucket === 'day' ? 'dashboard.charts.day' : 'dashboard.charts.week');
  const points = (value: (s: TDashboard['series'][number]) => number | null) => data.series.map((s) => ({ label: f.day(s.start), value: value(s) }));
  const rate = data.win_rate;
  const pointsFormat = (n: number) => t('dashboard.delta.points', { value: f.number(Math.round(n * 100)) });
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
      <Tile
        label={t('dashboard.kpi.newLeads')}
        to="/crm?tab=contacts"
        value={f.number(data.new_leads.current)}
        delta={<Delta {...data.new_leads} format={f.number} />}
      >
        <SparklineChart
          title={t('dashboard.kpi.newLeads')}
          rowHeader={bucketLabel}
          valueHeader={t('dashboard.charts.leads')}
          items={points((s) => s.new_leads)}
          valueFormatter={f.number}
        />
      </Tile>
      <Tile
        label={t('dashboard.revenue.tile')}
        to="/funnels?tab=orders"
        value={f.money(data.revenue.current)}
        delta={<Delta {...data.revenue} format={f.money} />}
        hint={[
          t('dashboard.revenue.orders', { count: data.sales.current }),
          ...(data.other_currency_sales > 0 ? [t('dashboard.revenue.otherCurrencies', { count: data.other_currency_sales })] : []),
        ].join(' · ')}
      >
        {data.sales.current > 0 && (
          <SparklineChart
            title={t('dashboard.revenue.tile')}
            rowHeader={bucketLabel}
            valueHeader={t('dashboard.revenue.chart')}
            items={points((s) => s.revenue)}
            valueFormatter={f.money}
            color="teal.7"
          />
        )}
      </Tile>
      <Tile
        label={t('dashboard.revenue.wonPipeline')}
        to="/crm"
        value={f.money(data.won_revenue.current)}
        delta={<Delta {...data.won_revenue} format={f.money} />}
        hint={`${t('dashboard.kpi.wonDeals', { count: data.won_count.current })} · ${t('dashboard.revenue.wonPipelineHint')}`}
      />
      <Tile
        label={t('dashboard.kpi.winRate')}
        to="/crm"
        value={rate.current == null ? '—' : f.percent(rate.current)}
        delta={<RateDelta {...rate} format={pointsFormat} />}
        hint={rate.current == null ? t('dashboard.kpi.noClosed') : t('dashboard.kpi.winRateHint')}
      >
        {rate.current != null && (
          <SparklineChart
            title={t('dashboard.charts.winRateTrend', { bucket: bucketLabel.toLowerCase() })}
            rowHeader={bucketLabel}
            valueHeader={t('dashboard.kpi.winRate')}
            items={points((s) => (s.won_count + s.lost_count === 0 ? null : s.won_count / (s.won_count + s.lost_count)))}
            valueFormatter={f.percent}
            color="teal.7"
          />
        )}
      </Tile>
      <Tile
        label={t('dashboard.kpi.pipeline')}
        to="/crm"
        value={f.money(data.pipeline_value)}
        hint={`${t('dashboard.kpi.weighted', { value: f.money(data.weighted_pipeline_value) })} · ${t('dashboard.kpi.pipelineHint')}`}
      />
      <Tile
        label={t('dashboard.kpi.interactions')}
        to="/crm?tab=interactions"
        value={f.number(data.interactions.current)}
        delta={<Delta {...data.interactions} format={f.number} />}
        hint={t('dashboard.kpi.interactionsHint')}
      />
    </SimpleGrid>
  );
}
