import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunnelSales } from '../../../../contracts/commerce-stats.js';
import { useFormatters } from '../../../lib/format.js';
import { PageTypeBadge } from '../funnel-badges.js';
import type { TCentsFormat } from './use-cents-format.js';

/** The server lists at most this many sources (commerce/stats/funnel-sales.service.ts). */
const UTM_ROWS = 50;

/**
 * Each upsell and downsell page: shown (its unique visitors), accepted, take rate and revenue. Page names are typed
 * by anyone: plain text, cut with an ellipsis and whole in a title. The table scrolls sideways on a phone.
 */
export function OffersTable({ offers, money }: { offers: TFunnelSales['offers']; money: TCentsFormat }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const k = 'funnelList.stats.report.sales.offers';
  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table striped verticalSpacing="xs" style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t(`${k}.page`)}</Table.Th>
              <Table.Th w="16%">{t(`${k}.type`)}</Table.Th>
              <Table.Th ta="right">{t(`${k}.shown`)}</Table.Th>
              <Table.Th ta="right">{t(`${k}.accepted`)}</Table.Th>
              <Table.Th ta="right">{t(`${k}.rate`)}</Table.Th>
              <Table.Th ta="right">{t(`${k}.revenue`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offers.map((offer) => (
              <Table.Tr key={offer.page_id}>
                <Table.Td>
                  <Text size="sm" truncate="end" title={offer.name}>
                    {offer.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <PageTypeBadge type={offer.page_type} />
                </Table.Td>
                <Table.Td ta="right">{format.number(offer.shown)}</Table.Td>
                <Table.Td ta="right">{format.number(offer.accepted)}</Table.Td>
                <Table.Td ta="right">{offer.take_rate === null ? '—' : format.percent(offer.take_rate, 1)}</Table.Td>
                <Table.Td ta="right">{money(offer.revenue_cents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t(`${k}.definition`)}
      </Text>
    </>
  );
}

/** Sales, revenue and average order per UTM source (values from buyers' URLs: plain text, cut, whole in a title). */
export function UtmSalesTable({ rows, money }: { rows: TFunnelSales['utm']; money: TCentsFormat }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const k = 'funnelList.stats.report.sales.utm';
  return (
    <>
      <Table.ScrollContainer minWidth={400}>
        <Table striped verticalSpacing="xs" style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="34%">{t(`${k}.source`)}</Table.Th>
              <Table.Th ta="right">{t(`${k}.sales`)}</Table.Th>
              <Table.Th ta="right">{t(`${k}.revenue`)}</Table.Th>
              <Table.Th ta="right">{t(`${k}.averageOrder`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.utm_source ?? '\u0000direct'}>
                <Table.Td>
                  {row.utm_source === null ? (
                    <Text size="sm" fs="italic">
                      {t(`${k}.direct`)}
                    </Text>
                  ) : (
                    <Text size="sm" truncate="end" title={row.utm_source}>
                      {row.utm_source}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{format.number(row.sales)}</Table.Td>
                <Table.Td ta="right">{money(row.revenue_cents)}</Table.Td>
                <Table.Td ta="right">{row.average_order_value_cents === null ? '—' : money(row.average_order_value_cents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length >= UTM_ROWS && (
        <Text size="xs" c="dimmed">
          {t(`${k}.top`, { max: UTM_ROWS })}
        </Text>
      )}
    </>
  );
}
