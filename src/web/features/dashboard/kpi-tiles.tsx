import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../contracts/dashboard.js';
import { SparklineChart } from '../../ui/charts/index.js';
import { useDashboardFormat } from './dashboard-format.js';

type TileProps = { label: string; value: string; delta?: ReactNode; hint?: string; children?: ReactNode };

/** One key number: label, value, how it moved since the previous period, and an optional trend. */
function Tile({ label, value, delta, hint, children }: TileProps) {
  return (
    <Paper withBorder p="md" component="section" aria-label={label}>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.1}>
          {value}
        </Text>
        {delta}
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** "+3 par rapport à la période précédente", with an arrow whose colour repeats what the sign says. */
function Delta({ current, previous, format }: { current: number; previous: number; format: (n: number) => string }) {
  const { t } = useTranslation();
  const diff = current - previous;
  const Icon = diff > 0 ? IconArrowUpRight : diff < 0 ? IconArrowDownRight : IconArrowRight;
  const color = diff > 0 ? 'var(--mantine-color-teal-text)' : diff < 0 ? 'var(--mantine-color-red-text)' : 'var(--mantine-color-dimmed)';
  const text =
    diff > 0 ? t('dashboard.delta.more', { value: format(diff) }) : diff < 0 ? t('dashboard.delta.less', { value: format(-diff) }) : t('dashboard.delta.same');
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={16} color={color} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="xs">{text}</Text>
    </Group>
  );
}

/**
 * The strip of key numbers at the top of the dashboard: revenue from paid orders first, then the won leads' estimated
 * value as "Pipeline gagné" (deals closed, not money received: ARCHITECTURE.md, "Dashboard").
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
      <Tile label={t('dashboard.kpi.newLeads')} value={f.number(data.new_leads.current)} delta={<Delta {...data.new_leads} format={f.number} />}>
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
        value={f.money(data.won_revenue.current)}
        delta={<Delta {...data.won_revenue} format={f.money} />}
        hint={`${t('dashboard.kpi.wonDeals', { count: data.won_count.current })} · ${t('dashboard.revenue.wonPipelineHint')}`}
      />
      <Tile
        label={t('dashboard.kpi.winRate')}
        value={rate.current == null ? '—' : f.percent(rate.current)}
        delta={rate.current != null && rate.previous != null ? <Delta current={rate.current} previous={rate.previous} format={pointsFormat} /> : undefined}
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
        value={f.money(data.pipeline_value)}
        hint={`${t('dashboard.kpi.weighted', { value: f.money(data.weighted_pipeline_value) })} · ${t('dashboard.kpi.pipelineHint')}`}
      />
      <Tile
        label={t('dashboard.kpi.interactions')}
        value={f.number(data.interactions.current)}
        delta={<Delta {...data.interactions} format={f.number} />}
        hint={t('dashboard.kpi.interactionsHint')}
      />
    </SimpleGrid>
  );
}
