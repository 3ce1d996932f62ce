import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TWebhookDelivery, TWebhookEndpoint } from '../../../../contracts/webhooks.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatters } from '../../../lib/format.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { PINNED_COLUMN } from '../pinned-column.js';
import { webhookDeliveriesKey } from '../query-keys.js';
import { useWebhookEventLabel } from './webhook-events.js';

const STATUS_COLORS: Record<TWebhookDelivery['status'], string> = { pending: 'yellow', succeeded: 'teal', failed: 'red' };

type Props = { endpoint: TWebhookEndpoint | null; onClose: () => void };

/** One webhook's latest deliveries (status, HTTP code, attempts, time), and a button that sends a test. */
export function WebhookDeliveriesModal({ endpoint, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={endpoint !== null} onClose={onClose} title={t('settings.webhooks.logOf', { url: endpoint?.url ?? '' })} size="xl" centered>
      {endpoint && <Deliveries endpoint={endpoint} />}
    </Modal>
  );
}

function Deliveries({ endpoint }: { endpoint: TWebhookEndpoint }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = webhookDeliveriesKey(endpoint.id);
  const deliveries = useQuery({ queryKey: key, queryFn: () => api.get<TWebhookDelivery[]>(`/api/workspace/webhooks/${endpoint.id}/deliveries`) });
  const test = useMutation({
    mutationFn: () => api.post<TWebhookDelivery>(`/api/workspace/webhooks/${endpoint.id}/test`),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('settings.webhooks.testSent') });
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => notifyError(error, t),
  });
  const testButton = { label: t('settings.webhooks.test'), icon: <IconSend size={16} aria-hidden />, onClick: () => test.mutate(), primary: true };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('settings.webhooks.deliveries.intro')}
      </Text>
      <Group gap="sm">
        <Button leftSection={testButton.icon} loading={test.isPending} onClick={testButton.onClick}>
          {testButton.label}
        </Button>
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} loading={deliveries.isFetching} onClick={() => void deliveries.refetch()}>
          {t('settings.webhooks.deliveries.refresh')}
        </Button>
      </Group>
      <QueryState query={deliveries}>
        {(list) =>
          list.length === 0 ? <EmptyState compact message={t('settings.webhooks.deliveries.empty')} actions={[testButton]} /> : <DeliveriesTable list={list} />
        }
      </QueryState>
    </Stack>
  );
}

function DeliveriesTable({ list }: { list: TWebhookDelivery[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const eventLabel = useWebhookEventLabel();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={PINNED_COLUMN}>{t('settings.webhooks.deliveries.event')}</Table.Th>
            <Table.Th>{t('settings.webhooks.deliveries.status')}</Table.Th>
            <Table.Th ta="right">{t('settings.webhooks.deliveries.httpCode')}</Table.Th>
            <Table.Th ta="right">{t('settings.webhooks.deliveries.attempts')}</Table.Th>
            <Table.Th>{t('settings.webhooks.deliveries.time')}</Table.Th>
            <Table.Th>{t('settings.webhooks.deliveries.error')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((delivery) => (
            <Table.Tr key={delivery.id}>
              <Table.Td style={PINNED_COLUMN}>{eventLabel(delivery.event_type)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLORS[delivery.status]} styles={{ label: { overflow: 'visible' } }}>
                  {t(`settings.webhooks.deliveries.statuses.${delivery.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{delivery.response_status ?? '—'}</Table.Td>
              <Table.Td ta="right">{format.number(delivery.attempts)}</Table.Td>
              <Table.Td>{format.dateTime(delivery.last_attempt_at ?? delivery.created_at)}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {deliveryError(delivery, t)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The failure in the reader's language, from its code; the details the server kept (the address, the receiver's
 * own words) follow only where they add something. Calls logged before the codes show their text as it is.
 */
function deliveryError(delivery: TWebhookDelivery, t: TFunction): string {
  const code = delivery.error_code;
  if (!code) return delivery.error ?? '';
  const sentence = t(`settings.webhooks.deliveries.errors.${code}`, { status: delivery.response_status ?? '' });
  return code === 'unreachable' && delivery.error ? `${sentence} (${delivery.error})` : sentence;
}
