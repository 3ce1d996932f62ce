import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifyError } from '../../../lib/errors.js';
import { QueryState } from '../../../ui/query-state.js';
import { useLinkCampaign, useRemoteCampaigns } from './ad-connections-api.js';

/** The account's campaigns on the platform; "Lier" makes (or ties) the local campaign this connection syncs. */
export function RemoteCampaigns({ connectionId, canEdit }: { connectionId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const campaigns = useRemoteCampaigns(connectionId, true);
  const link = useLinkCampaign();
  return (
    <QueryState query={campaigns}>
      {(items) =>
        items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('adsSettings.remote.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table withTableBorder verticalSpacing={4} aria-label={t('adsSettings.remote.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('adsSettings.remote.name')}</Table.Th>
                  <Table.Th>{t('adsSettings.remote.status')}</Table.Th>
                  <Table.Th>{t('adsSettings.remote.local')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {item.name}
                      <Text size="xs" c="dimmed">
                        {item.id}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color="gray" style={{ minWidth: 'max-content' }}>
                        {t(`ads.statuses.${item.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {item.linked && item.campaign_id ? (
                        <Anchor component={Link} to={`/ads/${item.campaign_id}`} size="sm">
                          {t('adsSettings.remote.linked')}
                        </Anchor>
                      ) : canEdit ? (
                        <Button
                          size="xs"
                          variant="light"
                          loading={link.isPending && link.variables?.platformCampaignId === item.id}
                          onClick={() =>
                            link.mutate(
                              { id: connectionId, platformCampaignId: item.id },
                              {
                                onSuccess: () => notifications.show({ color: 'teal', message: t('adsSettings.remote.linkDone', { name: item.name }) }),
                                onError: (error) => notifyError(error, t),
                              },
                            )
                          }
                        >
                          {t(item.campaign_id ? 'adsSettings.remote.linkExisting' : 'adsSettings.remote.link')}
                        </Button>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('adsSettings.remote.notLinked')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      }
    </QueryState>
  );
}
