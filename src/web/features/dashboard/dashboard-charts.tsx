import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../contracts/dashboard.js';
import { BarsChart, DonutChart, StageFunnelChart, TimeSeriesChart } from '../../ui/charts/index.js';
import { adsEmpty } from './ads-tiles.js';
import { useDashboardFormat } from './dashboard-format.js';
import { funnelsEmpty } from './funnels-tiles.js';

/** A titled card holding one chart. */
export function Panel({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {subtitle && (
            <Text size="xs" c="dimmed">
              {subtitle}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

// The palette has six colours: beyond six sources, all but the five largest are counted as "Autres"
// (the new leads of the period minus those five, since the API lists only the first eight sources).
const MAX_SLICES = 6;

function topSources(data: TDashboard, noSource: string, others: string) {
  const items = data.sources.map((s) => ({ label: s.source ?? noSource, value: s.count }));
  if (items.length <= MAX_SLICES) return items;
  const top = items.slice(0, MAX_SLICES - 1);
  return [...top, { label: others, value: data.new_leads.current - top.reduce((n, i) => n + i.value, 0) }];
}

/**
 * New leads over time and their sources, the pipeline funnel, revenue from paid orders over time, then (once those
 * modules have data) funnel visitors and opt-ins, and ad spend against revenue.
 */
export function DashboardCharts({ data }: { data: TDashboard }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const bucket = t(data.period.bucket === 'day' ? 'dashboard.charts.day' : 'dashboard.charts.week');
  const label = (s: { start: string }) => f.day(s.start);
  const stage = (status: TDashboard['pipeline'][number]['status']) => t(`crmBoard.status.${status}`);
  const openCount = data.pipeline.reduce((n, s) => n + s.count, 0);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Panel title={t('dashboard.charts.newLeads')}>
        <TimeSeriesChart
          title={t('dashboard.charts.newLeads')}
          rowHeader={bucket}
          points={data.series.map((s) => ({ label: label(s), values: { leads: s.new_leads } }))}
          series={[{ key: 'leads', label: t('dashboard.charts.leads') }]}
          valueFormatter={f.number}
          empty={data.new_leads.current === 0 && t('dashboard.charts.nothingNew')}
        />
      </Panel>
      <Panel title={t('dashboard.charts.sources')}>
        <DonutChart
          title={t('dashboard.charts.sources')}
          rowHeader={t('dashboard.charts.source')}
          valueHeader={t('dashboard.charts.leads')}
          items={topSources(data, t('dashboard.charts.noSource'), t('dashboard.charts.otherSources'))}
          valueFormatter={f.number}
          empty={data.sources.length === 0 && t('dashboard.charts.nothingNew')}
        />
      </Panel>
      <Panel
        title={t('dashboard.charts.pipeline')}
        subtitle={`${t('dashboard.kpi.pipelineHint')} · ${t('dashboard.charts.probabilities', {
          list: data.pipeline.map((s) => `${stage(s.status)} ${f.percent(s.probability)}`).join(', '),
        })}`}
      >
        <StageFunnelChart
          title={t('dashboard.charts.pipeline')}
          rowHeader={t('dashboard.charts.stage')}
          valueHeader={t('dashboard.charts.leads')}
          detailHeader={t('dashboard.charts.value')}
          items={data.pipeline.map((s) => ({ label: stage(s.status), value: s.count, detail: f.money(s.value) }))}
          valueFormatter={f.number}
          empty={openCount === 0 && t('dashboard.charts.nothingOpen')}
        />
      </Panel>
      <Panel title={t('dashboard.revenue.chart')} subtitle={t('dashboard.revenue.hint')}>
        <BarsChart
          title={t('dashboard.revenue.chart')}
          rowHeader={bucket}
          points={data.series.map((s) => ({ label: label(s), values: { revenue: s.revenue } }))}
          series={[{ key: 'revenue', label: t('dashboard.revenue.chart'), color: 'teal.7' }]}
          valueFormatter={f.money}
          empty={data.sales.current === 0 && t('dashboard.revenue.nothing')}
        />
      </Panel>
      {!funnelsEmpty(data) && (
        <Panel title={t('dashboard.funnels.chart')}>
          <TimeSeriesChart
            title={t('dashboard.funnels.chart')}
            rowHeader={bucket}
            points={data.series.map((s) => ({ label: label(s), values: { visitors: s.visitors, optins: s.optins } }))}
            series={[
              { key: 'visitors', label: t('dashboard.funnels.visitors') },
              { key: 'optins', label: t('dashboard.funnels.optins') },
            ]}
            valueFormatter={f.number}
            empty={data.funnels.visitors.current === 0 && t('dashboard.funnels.nothing')}
          />
        </Panel>
      )}
      {!adsEmpty(data) && (
        <Panel title={t('dashboard.ads.chart')} subtitle={t('dashboard.ads.chartHint')}>
          <BarsChart
            title={t('dashboard.ads.chart')}
            rowHeader={bucket}
            points={data.series.map((s) => ({ label: label(s), values: { spend: s.ad_spend, revenue: s.revenue } }))}
            series={[
              { key: 'spend', label: t('dashboard.ads.spend') },
              { key: 'revenue', label: t('dashboard.revenue.chart'), color: 'teal.7' },
            ]}
            valueFormatter={f.money}
            empty={data.ads.spend.current === 0 && data.sales.current === 0 && t('dashboard.ads.nothing')}
          />
        </Panel>
      )}
    </SimpleGrid>
  );
}
