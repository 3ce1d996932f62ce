import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunnelStats } from '../../../../contracts/funnels.js';
import { useFormatters } from '../../../lib/format.js';

type TUtmRow = TFunnelStats['utm'][number];

/** The server lists at most this many combinations (funnel-stats.service.ts). */
const UTM_ROWS = 50;

/**
 * Visitors, leads and conversion per UTM source / medium / campaign. The values come from visitors' URLs (anyone can
 * type anything there): rendered as text only, long ones cut with an ellipsis and given whole in a title. The table
 * scrolls sideways on a phone.
 */
export function UtmTable({ rows }: { rows: TUtmRow[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('funnelList.stats.report.utm.none')}
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs" style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{t('funnelList.stats.report.utm.source')}</Table.Th>
              <Table.Th w="18%">{t('funnelList.stats.report.utm.medium')}</Table.Th>
              <Table.Th w="22%">{t('funnelList.stats.report.utm.campaign')}</Table.Th>
              <Table.Th ta="right">{t('funnelList.stats.report.utm.visitors')}</Table.Th>
              <Table.Th ta="right">{t('funnelList.stats.report.utm.leads')}</Table.Th>
              <Table.Th ta="right">{t('funnelList.stats.report.utm.conversion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const direct = row.utm_source === null && row.utm_medium === null && row.utm_campaign === null;
              return (
                <Table.Tr key={`${row.utm_source}\u0000${row.utm_medium}\u0000${row.utm_campaign}`}>
                  {direct ? (
                    <Table.Td colSpan={3}>
                      <Text size="sm" fs="italic">
                        {t('funnelList.stats.report.utm.direct')}
                      </Text>
                    </Table.Td>
                  ) : (
                    <>
                      <UtmCell value={row.utm_source} />
                      <UtmCell value={row.utm_medium} />
                      <UtmCell value={row.utm_campaign} />
                    </>
                  )}
                  <Table.Td ta="right">{format.number(row.unique_visitors)}</Table.Td>
                  <Table.Td ta="right">{format.number(row.leads)}</Table.Td>
                  <Table.Td ta="right">{row.conversion_rate === null ? '—' : format.percent(row.conversion_rate, 1)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length >= UTM_ROWS && (
        <Text size="xs" c="dimmed">
          {t('funnelList.stats.report.utm.top', { max: UTM_ROWS })}
        </Text>
      )}
    </>
  );
}

/** One UTM value as plain text, cut to the column with the whole value in its title; "non renseigné" when absent. */
function UtmCell({ value }: { value: string | null }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      {value === null ? (
        <Text size="sm" c="dimmed">
          {t('funnelList.stats.report.utm.notSet')}
        </Text>
      ) : (
        <Text size="sm" truncate="end" title={value}>
          {value}
        </Text>
      )}
    </Table.Td>
  );
}
