import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TOrderStatus } from '../../../contracts/commerce-orders.js';

const COLORS: Record<TOrderStatus, string> = {
  pending: 'gray',
  paid: 'teal',
  failed: 'red',
  refunded: 'violet',
  partially_refunded: 'grape',
  disputed: 'orange',
};

/** An order's state as a coloured word ("Payée", "Remboursée"…). */
export function OrderStatusBadge({ status }: { status: TOrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`orders.status.${status}`)}
    </Badge>
  );
}
