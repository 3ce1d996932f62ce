import { Button, Group, Paper, Select, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconReceipt, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, type TOrder, type TOrderStatus } from '../../../contracts/commerce-orders.js';
import { useFormatters } from '../../lib/format.js';
import { EmptyState } from '../../ui/empty-state.js';
import { QueryState } from '../../ui/query-state.js';
import { OrderDrawer } from './order-drawer.js';
import { OrderStatusBadge } from './order-status-badge.js';
import { formatCents, useOrders } from './orders-api.js';

/** The Commandes tab of /funnels: what buyers paid, newest first, by status and email; an order opens its details. */
export function OrdersTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TOrderStatus | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [openId, setOpenId] = useState<string | null>(null);
  const orders = useOrders(status, q);
  const filtered = status !== null || q.trim() !== '';
  return (
    <Stack>
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('orders.search')}
          placeholder={t('orders.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('orders.statusFilter')}
          placeholder={t('orders.allStatuses')}
          clearable
          value={status}
          onChange={(value) => setStatus(value as TOrderStatus | null)}
          data={ORDER_STATUSES.map((value) => ({ value, label: t(`orders.status.${value}`) }))}
          w={220}
        />
      </Group>
      <QueryState query={orders}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return filtered ? (
              <EmptyState
                compact
                message={t('orders.noMatch')}
                actions={[
                  {
                    label: t('orders.clearFilters'),
                    onClick: () => {
                      setStatus(null);
                      setSearch('');
                    },
                  },
                ]}
              />
            ) : (
              <EmptyState icon={<IconReceipt size={30} stroke={1.5} />} title={t('orders.emptyTitle')} message={t('orders.empty')} />
            );
          }
          return (
            <Stack>
              <OrdersList items={items} onOpen={setOpenId} />
              {orders.hasNextPage && (
                <Group justify="center">
                  <Button variant="default" loading={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()}>
                    {t('orders.loadMore')}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        }}
      </QueryState>
      <OrderDrawer orderId={openId} canEdit={canEdit} onClose={() => setOpenId(null)} />
    </Stack>
  );
}

/** A table on a desktop, cards on a phone (a table would push the amount sideways). */
function OrdersList({ items, onOpen }: { items: TOrder[]; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const phone = useMediaQuery('(max-width: 48em)');
  const amount = (order: TOrder) => formatCents(i18n.language, order.total_cents, order.currency);
  // A recurring order: its subscription's state under the order's ("Abonnement · Actif").
  const subscription = (order: TOrder) => `${t('orders.subscription')} · ${t(`orders.subscriptionStatus.${order.subscription_status!}`)}`;
  const number = (order: TOrder) => (
    <UnstyledButton onClick={() => onOpen(order.id)} aria-label={t('orders.open', { number: order.number })}>
      <Text fw={600} c="blue" size="sm">
        {t('orders.number', { number: order.number })}
      </Text>
    </UnstyledButton>
  );
  if (phone) {
    return (
      <Stack gap="sm">
        {items.map((order) => (
          <Paper key={order.id} withBorder radius="md" p="sm" data-testid="order-row">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap">
                {number(order)}
                <Text fw={600}>{amount(order)}</Text>
              </Group>
              <Text size="sm" truncate>
                {order.buyer_email}
              </Text>
              <Group justify="space-between" gap="xs">
                <Text size="sm" c="dimmed">
                  {format.dateTime(order.created_at)}
                </Text>
                <OrderStatusBadge status={order.status} />
              </Group>
              {order.subscription_status && (
                <Text size="xs" c="dimmed">
                  {subscription(order)}
                </Text>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orders.columns.number')}</Table.Th>
            <Table.Th>{t('orders.columns.buyer')}</Table.Th>
            <Table.Th>{t('orders.columns.date')}</Table.Th>
            <Table.Th>{t('orders.columns.status')}</Table.Th>
            <Table.Th ta="right">{t('orders.columns.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((order) => (
            <Table.Tr key={order.id} data-testid="order-row">
              <Table.Td>{number(order)}</Table.Td>
              <Table.Td>
                <Text size="sm">{order.buyer_name ?? order.buyer_email}</Text>
                {order.buyer_name && (
                  <Text size="xs" c="dimmed">
                    {order.buyer_email}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTime(order.created_at)}</Text>
              </Table.Td>
              <Table.Td>
                <OrderStatusBadge status={order.status} />
                {order.subscription_status && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {subscription(order)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" fw={600}>
                  {amount(order)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
