import { Anchor, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconChartBar, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFunnel } from '../../../contracts/funnels.js';
import { useFormatters } from '../../lib/format.js';
import { CardSection } from '../../ui/card-section.js';
import { EmptyState } from '../../ui/empty-state.js';
import { QueryState } from '../../ui/query-state.js';
import { StatCard } from '../../ui/stat-card.js';
import { FunnelStatusBadge, FunnelTypeBadge } from './funnel-badges.js';
import { useAllFunnels } from './funnels-api.js';

type Props = { canEdit: boolean; onCreate: () => void };

/** "Statistiques": the workspace's totals, then every funnel's visitors, leads, conversion and revenue, most visited first. */
export function FunnelsStatsTab({ canEdit, onCreate }: Props) {
  const { t } = useTranslation();
  const funnels = useAllFunnels();
  return (
    <QueryState query={funnels}>
      {(items) =>
        items.length === 0 ? (
          <EmptyState
            icon={<IconChartBar size={30} stroke={1.5} />}
            title={t('funnelList.stats.emptyTitle')}
            message={t('funnelList.stats.empty')}
            actions={canEdit ? [{ label: t('funnelList.create.button'), icon: <IconPlus size={16} aria-hidden />, onClick: onCreate, primary: true }] : []}
          />
        ) : (
          <StatsView funnels={items} />
        )
      }
    </QueryState>
  );
}

function StatsView({ funnels }: { funnels: TFunnel[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sorted = [...funnels].sort((a, b) => b.total_visitors - a.total_visitors || a.name.localeCompare(b.name));
  const visitors = funnels.reduce((sum, funnel) => sum + funnel.total_visitors, 0);
  const leads = funnels.reduce((sum, funnel) => sum + funnel.total_leads, 0);
  const revenue = funnels.reduce((sum, funnel) => sum + funnel.total_revenue, 0);
  const rate = (value: number | null) => (value === null ? '—' : format.percent(value, 1));
  // Amounts are in cents on the wire.
  const money = (cents: number) => format.money(cents / 100);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <StatCard label={t('funnelList.stats.visitors')} value={format.number(visitors)} />
        <StatCard label={t('funnelList.stats.leads')} value={format.number(leads)} />
        <StatCard label={t('funnelList.stats.conversion')} value={rate(visitors > 0 ? leads / visitors : null)} detail={t('funnelList.stats.conversionHint')} />
        <StatCard label={t('funnelList.stats.revenue')} value={money(revenue)} />
      </SimpleGrid>
      <CardSection title={t('funnelList.stats.tableTitle')}>
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th miw={200}>{t('funnelList.stats.funnel')}</Table.Th>
                <Table.Th>{t('funnelList.fields.type')}</Table.Th>
                <Table.Th>{t('funnelList.stats.status')}</Table.Th>
                <Table.Th ta="right" aria-sort="descending">
                  {t('funnelList.stats.visitors')}
                </Table.Th>
                <Table.Th ta="right">{t('funnelList.stats.leads')}</Table.Th>
                <Table.Th ta="right">{t('funnelList.stats.conversion')}</Table.Th>
                <Table.Th ta="right">{t('funnelList.stats.revenue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((funnel) => (
                <Table.Tr key={funnel.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/funnels/${funnel.id}?tab=stats`} fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {funnel.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <FunnelTypeBadge type={funnel.funnel_type} />
                  </Table.Td>
                  <Table.Td>
                    <FunnelStatusBadge active={funnel.is_active} />
                  </Table.Td>
                  <Table.Td ta="right">{format.number(funnel.total_visitors)}</Table.Td>
                  <Table.Td ta="right">{format.number(funnel.total_leads)}</Table.Td>
                  <Table.Td ta="right">{rate(funnel.conversion_rate)}</Table.Td>
                  <Table.Td ta="right">{money(funnel.total_revenue)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </CardSection>
      <Text size="xs" c="dimmed">
        {t('funnelList.stats.revenueNote')}
      </Text>
    </Stack>
  );
}
