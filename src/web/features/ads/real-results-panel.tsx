import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAdCampaign, TAdMetrics } from '../../../contracts/ads.js';
import { CardSection } from '../../ui/card-section.js';
import { StatCard } from '../../ui/stat-card.js';
import { formatRoas, orNone, useCampaignFormat } from './ad-format.js';

/**
 * "Résultats réels": leads, sales and revenue attributed through the UTM, beside what the platform reports, so the
 * user sees what a lead or a sale really cost.
 */
export function RealResultsPanel({ campaign, metrics }: { campaign: TAdCampaign; metrics: TAdMetrics }) {
  const { t } = useTranslation();
  const format = useCampaignFormat(metrics.currency);
  const { results, totals } = metrics;
  return (
    <CardSection title={t('ads.results.title')}>
      <Text size="sm" c="dimmed">
        {campaign.utm_campaign
          ? t('ads.results.howUtm', { utm: campaign.utm_campaign, source: campaign.utm_source ?? t('ads.results.anySource') })
          : t('ads.results.noUtm')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="ad-real-results">
        <StatCard
          label={t('ads.results.leads')}
          value={format.number(results.leads, 0)}
          detail={t('ads.results.costPerLead', { cost: orNone(results.cost_per_lead, format.money) })}
        />
        <StatCard label={t('ads.results.wonDeals')} value={format.number(results.won_deals, 0)} />
        <StatCard label={t('ads.results.sales')} value={format.number(results.sales, 0)} />
        <StatCard label={t('ads.metrics.revenue')} value={format.money(results.revenue)} />
        <StatCard label={t('ads.results.realCpa')} value={orNone(results.real_cpa, format.money)} />
        <StatCard label={t('ads.results.realRoas')} value={formatRoas(format, results.real_roas)} />
      </SimpleGrid>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('ads.results.compareTitle')}
        </Text>
        <Table.ScrollContainer minWidth={320}>
          <Table withTableBorder verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th ta="right">{t('ads.results.platformColumn')}</Table.Th>
                <Table.Th ta="right">{t('ads.results.realColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {t('ads.metrics.conversions')}
                </Table.Th>
                <Table.Td ta="right">{format.number(totals.conversions, 2)}</Table.Td>
                <Table.Td ta="right">{format.number(results.sales + results.won_deals, 0)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {t('ads.results.value')}
                </Table.Th>
                <Table.Td ta="right">{format.money(totals.conversion_value)}</Table.Td>
                <Table.Td ta="right">{format.money(results.revenue)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" fw={400}>
                  {t('ads.metrics.cpa')}
                </Table.Th>
                <Table.Td ta="right">{orNone(totals.cpa, format.money)}</Table.Td>
                <Table.Td ta="right">{orNone(results.real_cpa, format.money)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </CardSection>
  );
}
