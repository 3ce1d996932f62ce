import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TOutboxMessage } from '../../../../contracts/workspaces.js';
import { useFormatDate } from '../../../lib/format.js';
import { OutboxStatus } from './outbox-status.js';

type Props = { items: TOutboxMessage[]; onOpen: (message: TOutboxMessage) => void };

/** Mails, newest as the server orders them; the subject opens the message. */
export function OutboxTable({ items, onOpen }: Props) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.outbox.to')}</Table.Th>
            <Table.Th>{t('settings.outbox.subject')}</Table.Th>
            <Table.Th>{t('settings.outbox.status')}</Table.Th>
            <Table.Th>{t('settings.outbox.date')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((message) => (
            <Table.Tr key={message.id} onClick={() => onOpen(message)} style={{ cursor: 'pointer' }}>
              <Table.Td>{message.to_address}</Table.Td>
              <Table.Td>
                {/* A real button, so keyboards and screen readers can open the message too. */}
                <Anchor component="button" type="button" ta="left" onClick={() => onOpen(message)}>
                  {message.subject}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <OutboxStatus status={message.status} />
              </Table.Td>
              <Table.Td>{formatDate(message.created_at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
