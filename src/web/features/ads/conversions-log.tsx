import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAdConversionUpload } from '../../../contracts/ads.js';
import { CardSection } from '../../ui/card-section.js';
import { QueryState } from '../../ui/query-state.js';
import { orNone, useCampaignFormat } from './ad-format.js';
import { useAdConversions } from './ads-api.js';

const STATUS_COLORS: Record<TAdConversionUpload['status'], string> = { sent: 'teal', failed: 'red', skipped: 'gray' };

/** The won deals and paid orders sent back to the platform as offline conversions, each with its result. */
export function ConversionsLog({ campaignId, currency }: { campaignId: string; currency: string }) {
  const { t } = useTranslation();
  const format = useCampaignFormat(currency);
  const conversions = useAdConversions(campaignId);
  return (
    <CardSection title={t('ads.conversions.title')}>
      <Text size="sm" c="dimmed">
        {t('ads.conversions.intro')}
      </Text>
      <QueryState query={conversions}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('ads.conversions.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table withTableBorder verticalSpacing={4} data-testid="ad-conversions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ads.conversions.date')}</Table.Th>
                    <Table.Th>{t('ads.conversions.kind')}</Table.Th>
                    <Table.Th>{t('ads.conversions.network')}</Table.Th>
                    <Table.Th ta="right">{t('ads.conversions.value')}</Table.Th>
                    <Table.Th>{t('ads.conversions.status')}</Table.Th>
                    <Table.Th>{t('ads.conversions.detail')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(item.created_at)}</Table.Td>
                      <Table.Td>{t(`ads.conversions.kinds.${item.kind}`)}</Table.Td>
                      <Table.Td>{t(`ads.networks.${item.network}`)}</Table.Td>
                      <Table.Td ta="right">{orNone(item.value, format.money)}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={STATUS_COLORS[item.status]} style={{ minWidth: 'max-content' }}>
                          {t(`ads.conversions.statuses.${item.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{item.detail ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </CardSection>
  );
}
