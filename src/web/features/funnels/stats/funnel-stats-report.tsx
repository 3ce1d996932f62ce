import { Box, Group, Stack, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunnel, TFunnelStats } from '../../../../contracts/funnels.js';
import { useFormatters } from '../../../lib/format.js';
import { CardSection } from '../../../ui/card-section.js';
import { TimeSeriesChart } from '../../../ui/charts/index.js';
import { EmptyState, type TEmptyAction } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { useFunnelStats } from './funnel-stats-api.js';
import { LiveIndicator } from './live-indicator.js';
import { RangeControl, useStatsRange } from './range-control.js';
import { SalesReport } from './sales-report.js';
import { StatsCards } from './stats-cards.js';
import { DEFAULT_PRESET, presetRange, todayIn, type TDayRange } from './stats-range.js';
import { StepFunnel } from './step-funnel.js';
import { useDayFormat } from './use-day-format.js';
import { UtmTable } from './utm-table.js';

/**
 * `/funnels/:id?tab=stats`: a funnel's numbers over a range of days (7, 30, 90 or chosen; kept in the URL), live:
 * key numbers, sales (commerce's statistics of the funnel), the steps with their drop-off, visitors and leads per day,
 * and the UTM sources.
 */
export function FunnelStatsReport({ funnel }: { funnel: TFunnel }) {
  const { t } = useTranslation();
  const { timeZone } = useFormatters();
  const today = todayIn(timeZone);
  const day = useDayFormat();
  const [range, setRange] = useStatsRange(today);
  const stats = useFunnelStats(funnel.id, range);
  const body = (data: TFunnelStats) => (
    // While another range loads, the previous one's numbers stay (dimmed) so nothing moves.
    <Box style={{ opacity: stats.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }} aria-busy={stats.isPlaceholderData}>
      {data.unique_visitors === 0 && data.leads === 0 ? <NoVisitors funnel={funnel} /> : <Report stats={data} funnelId={funnel.id} range={range} />}
    </Box>
  );
  const shown = stats.data ? { from: stats.data.from, to: stats.data.to } : (range ?? presetRange(DEFAULT_PRESET, today));
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <RangeControl range={range} onChange={setRange} today={today} />
          <Text size="xs" c="dimmed">
            {t('funnelList.stats.report.range.shown', {
              from: day.long(shown.from),
              to: day.long(shown.to),
              timeZone: stats.data?.time_zone ?? timeZone ?? '',
            })}
          </Text>
        </Stack>
        {stats.data && <LiveIndicator updatedAt={stats.dataUpdatedAt} failed={stats.isRefetchError} loading={stats.isPlaceholderData} />}
      </Group>
      {/* Numbers already on screen stay there when a later reading fails (the indicator says so). */}
      {stats.data ? body(stats.data) : <QueryState query={stats}>{body}</QueryState>}
    </Stack>
  );
}

function Report({ stats, funnelId, range }: { stats: TFunnelStats; funnelId: string; range: TDayRange | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const day = useDayFormat();
  return (
    <Stack gap="lg">
      <StatsCards stats={stats} />
      <SalesReport funnelId={funnelId} range={range} />
      <CardSection title={t('funnelList.stats.report.steps.title')}>
        <StepFunnel steps={stats.steps} />
      </CardSection>
      <CardSection title={t('funnelList.stats.report.days.title')}>
        <TimeSeriesChart
          title={t('funnelList.stats.report.days.title')}
          rowHeader={t('funnelList.stats.report.days.day')}
          points={stats.days.map((d) => ({ label: day.short(d.date), values: { visitors: d.unique_visitors, leads: d.leads } }))}
          series={[
            { key: 'visitors', label: t('funnelList.stats.report.days.visitors') },
            { key: 'leads', label: t('funnelList.stats.report.days.leads') },
          ]}
          valueFormatter={(value) => format.number(value)}
        />
      </CardSection>
      <CardSection title={t('funnelList.stats.report.utm.title')}>
        <UtmTable rows={stats.utm} />
      </CardSection>
    </Stack>
  );
}

/** No visitor in the range: say how visits come (share the public link, or publish first). */
function NoVisitors({ funnel }: { funnel: TFunnel }) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 2000 });
  const url = funnel.public_url;
  // The label stays the same when copied (the button is keyed by it and would lose the focus): the icon and a
  // notification say it worked.
  const copy = (value: string) => {
    clipboard.copy(value);
    notifications.show({ color: 'teal', message: t('funnelList.stats.report.empty.copied') });
  };
  const actions: TEmptyAction[] = url
    ? [
        {
          label: t('funnelList.stats.report.empty.copy'),
          icon: clipboard.copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />,
          onClick: () => copy(url),
          primary: true,
        },
        { label: t('funnelList.stats.report.empty.open'), icon: <IconExternalLink size={16} aria-hidden />, href: url },
      ]
    : [];
  return (
    <EmptyState
      icon={<IconChartBar size={30} stroke={1.5} />}
      title={t('funnelList.stats.report.empty.title')}
      message={t(funnel.is_active && url ? 'funnelList.stats.report.empty.published' : 'funnelList.stats.report.empty.draft')}
      actions={actions}
    />
  );
}
