import { Alert, Box, Modal, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TOutboxMessage } from '../../../../contracts/workspaces.js';
import { useFormatDate } from '../../../lib/format.js';
import { linkify } from '../../../lib/linkify.js';
import { OutboxStatus } from './outbox-status.js';

type Props = { message: TOutboxMessage | null; onClose: () => void };

/** One mail: headers, status, and the text body with clickable links. */
export function OutboxMessageModal({ message, onClose }: Props) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Modal opened={message !== null} onClose={onClose} title={message?.subject} size="xl">
      {message && (
        <Stack>
          <Table variant="vertical" layout="fixed" withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>{t('settings.outbox.from')}</Table.Th>
                <Table.Td>{message.from_address}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.outbox.to')}</Table.Th>
                <Table.Td>{message.to_address}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.outbox.date')}</Table.Th>
                <Table.Td>{formatDate(message.sent_at ?? message.created_at)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('settings.outbox.status')}</Table.Th>
                <Table.Td>
                  <OutboxStatus status={message.status} />
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {message.error && (
            <Alert color="red" title={t('settings.outbox.error')}>
              {message.error}
            </Alert>
          )}
          {/* The text body only: the HTML version is never injected into the page. */}
          <Box
            component="pre"
            p="md"
            bg="var(--mantine-color-default-hover)"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 'var(--mantine-font-size-sm)', borderRadius: 'var(--mantine-radius-md)' }}
          >
            {linkify(message.text_body)}
          </Box>
        </Stack>
      )}
    </Modal>
  );
}
