import { Alert, Badge, Button, Divider, Drawer, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconReceiptRefund, IconRepeatOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOrderDetail } from '../../../contracts/commerce-orders.js';
import { notifyError } from '../../lib/errors.js';
import { useFormatters } from '../../lib/format.js';
import { ConfirmModal } from '../../ui/confirm-modal.js';
import { NumberField } from '../../ui/number-field.js';
import { QueryState } from '../../ui/query-state.js';
import { OrderStatusBadge } from './order-status-badge.js';
import { formatCents, useCancelSubscription, useOrder, useRefundOrder } from './orders-api.js';

type Props = { orderId: string | null; canEdit: boolean; onClose: () => void };

/** An order opened from the list: the buyer, what was sold (main, bump, offers), the totals, and a refund. */
export function OrderDrawer({ orderId, canEdit, onClose }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const order = useOrder(orderId);
  return (
    <Drawer
      opened={orderId !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'lg'}
      title={order.data ? t('orders.number', { number: order.data.number }) : t('orders.tab')}
    >
      <QueryState query={order}>{(data) => <OrderDetails order={data} canEdit={canEdit} />}</QueryState>
    </Drawer>
  );
}

const REFUNDABLE = ['paid', 'partially_refunded', 'disputed'];

function OrderDetails({ order, canEdit }: { order: TOrderDetail; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const money = (cents: number) => formatCents(i18n.language, cents, order.currency);
  const remaining = order.total_cents - order.refunded_cents;
  return (
    <Stack>
      <Group justify="space-between">
        <OrderStatusBadge status={order.status} />
        <Text size="sm" c="dimmed">
          {format.dateTime(order.created_at)}
        </Text>
      </Group>
      <Paper withBorder radius="md" p="sm">
        <Text fw={600}>{order.buyer_name ?? order.buyer_email}</Text>
        {order.buyer_name && <Text size="sm">{order.buyer_email}</Text>}
        <Text size="sm" c="dimmed">
          {t(`orders.provider.${order.provider}`)}
          {order.utm_source ? ` · ${t('orders.source', { source: order.utm_source })}` : ''}
        </Text>
      </Paper>
      <Table verticalSpacing="xs">
        <Table.Tbody>
          {order.lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>
                <Text size="sm">{line.description}</Text>
                <Text size="xs" c="dimmed">
                  {t(`orders.kind.${line.kind}`)} · {t(`orders.lineStatus.${line.status}`)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{money(line.amount_cents)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Divider />
      <Stack gap={4}>
        {order.tax_cents > 0 && <Row label={t('orders.tax')} value={money(order.tax_cents)} />}
        <Row label={t('orders.total')} value={money(order.total_cents)} strong />
        {order.refunded_cents > 0 && <Row label={t('orders.refunded')} value={money(order.refunded_cents)} />}
      </Stack>
      {order.subscription_status && <SubscriptionPanel order={order} canEdit={canEdit} />}
      {canEdit && REFUNDABLE.includes(order.status) && remaining > 0 && <RefundForm order={order} remaining={remaining} />}
    </Stack>
  );
}

function Row({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between">
      <Text size="sm" fw={strong ? 700 : 400}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 400}>
        {value}
      </Text>
    </Group>
  );
}

const SUBSCRIPTION_COLORS: Record<string, string> = { pending: 'gray', active: 'teal', past_due: 'orange', unpaid: 'red', incomplete: 'red', canceled: 'gray' };

/** A recurring order's subscription: its state, period, next renewal, renewals paid, and "Résilier l'abonnement". */
function SubscriptionPanel({ order, canEdit }: { order: TOrderDetail; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const [confirming, setConfirming] = useState(false);
  const cancel = useCancelSubscription();
  const status = order.subscription_status!;
  const live = status !== 'canceled';
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>
            {t('orders.subscription')}
            {order.subscription_interval ? ` · ${t(`orders.interval.${order.subscription_interval}`)}` : ''}
          </Text>
          <Badge color={SUBSCRIPTION_COLORS[status] ?? 'gray'} variant="light">
            {t(`orders.subscriptionStatus.${status}`)}
          </Badge>
        </Group>
        {order.current_period_end && <Row label={live ? t('orders.nextRenewal') : t('orders.periodEnd')} value={format.dateTime(order.current_period_end)} />}
        <Row
          label={t('orders.renewals')}
          value={t('orders.renewalsValue', { count: order.renewals, amount: formatCents(i18n.language, order.renewed_cents, order.currency) })}
        />
        {order.subscription_error && status === 'pending' && (
          <Alert color="orange" variant="light">
            {t('orders.subscriptionError', { error: order.subscription_error })}
          </Alert>
        )}
        {canEdit && live && (
          <Group justify="flex-end">
            <Button color="red" variant="light" leftSection={<IconRepeatOff size={16} aria-hidden />} onClick={() => setConfirming(true)}>
              {t('orders.cancelSubscription')}
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('orders.cancelSubscriptionTitle')}
        confirmLabel={t('orders.cancelSubscriptionConfirm')}
        loading={cancel.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          cancel.mutate(order.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('orders.cancelSubscriptionDone') });
              setConfirming(false);
            },
            onError: (error) => {
              setConfirming(false);
              notifyError(error, t);
            },
          })
        }
      >
        {t('orders.cancelSubscriptionMessage', { email: order.buyer_email })}
      </ConfirmModal>
    </Paper>
  );
}

/** A refund of the whole remaining amount (field left empty) or of the amount typed, confirmed first. */
function RefundForm({ order, remaining }: { order: TOrderDetail; remaining: number }) {
  const { t, i18n } = useTranslation();
  const [amount, setAmount] = useState<number | ''>('');
  const [confirming, setConfirming] = useState(false);
  const refund = useRefundOrder();
  const cents = amount === '' ? remaining : Math.round(amount * 100);
  const money = formatCents(i18n.language, cents, order.currency);
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <NumberField
          label={t('orders.refundAmount')}
          description={t('orders.refundHelp', { amount: formatCents(i18n.language, remaining, order.currency) })}
          placeholder={(remaining / 100).toFixed(2).replace('.', i18n.language === 'fr' ? ',' : '.')}
          min={0.01}
          max={remaining / 100}
          value={amount}
          onChange={setAmount}
        />
        <Group justify="flex-end">
          <Button color="red" variant="light" leftSection={<IconReceiptRefund size={16} aria-hidden />} onClick={() => setConfirming(true)}>
            {t('orders.refund')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('orders.refundTitle')}
        confirmLabel={t('orders.refundConfirm', { amount: money })}
        loading={refund.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          refund.mutate(
            { id: order.id, body: amount === '' ? {} : { amount_cents: cents } },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('orders.refundDone', { amount: money }) });
                setConfirming(false);
                setAmount('');
              },
              onError: (error) => {
                setConfirming(false);
                notifyError(error, t);
              },
            },
          )
        }
      >
        {t('orders.refundMessage', { amount: money, email: order.buyer_email })}
      </ConfirmModal>
    </Paper>
  );
}
