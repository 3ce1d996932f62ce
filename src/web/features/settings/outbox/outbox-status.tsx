import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TOutboxMessage } from '../../../../contracts/workspaces.js';

const COLORS: Record<TOutboxMessage['status'], string> = { queued: 'gray', sending: 'yellow', sent: 'teal', failed: 'red', not_sent: 'blue' };

/** A mail's delivery status as a colored badge. */
export function OutboxStatus({ status }: { status: TOutboxMessage['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]}>
      {t(`settings.outbox.statuses.${status}`)}
    </Badge>
  );
}
