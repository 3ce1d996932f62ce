import { Alert, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOutboxList, TOutboxMessage } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { QueryState } from '../../../ui/query-state.js';
import { AdminOnly } from '../admin-only.js';
import { OUTBOX_KEY } from '../query-keys.js';
import { OutboxMessageModal } from './outbox-message-modal.js';
import { OutboxTable } from './outbox-table.js';

/** /settings/outbox: every mail the platform sent or kept (when SMTP is not configured). */
export function OutboxTab() {
  return (
    <AdminOnly>
      <OutboxContent />
    </AdminOnly>
  );
}

function OutboxContent() {
  const { t } = useTranslation();
  const outbox = useQuery({ queryKey: OUTBOX_KEY, queryFn: () => api.get<TOutboxList>('/api/workspace/outbox') });
  const [open, setOpen] = useState<TOutboxMessage | null>(null);
  return (
    <QueryState query={outbox}>
      {({ smtp_configured, items }) => (
        <Stack>
          {!smtp_configured && (
            <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />} title={t('settings.outbox.noSmtpTitle')}>
              {t('settings.outbox.noSmtp')}
            </Alert>
          )}
          <Text>{t('settings.outbox.intro')}</Text>
          {items.length === 0 ? <Text c="dimmed">{t('settings.outbox.none')}</Text> : <OutboxTable items={items} onOpen={setOpen} />}
          <OutboxMessageModal message={open} onClose={() => setOpen(null)} />
        </Stack>
      )}
    </QueryState>
  );
}
