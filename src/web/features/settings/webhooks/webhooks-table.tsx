import { Badge, Button, Group, Modal, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TWebhookEndpoint } from '../../../../contracts/webhooks.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatters } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { PINNED_COLUMN } from '../pinned-column.js';
import { WEBHOOKS_KEY } from '../query-keys.js';
import type { TWebhookWithSecret } from './webhook-secret-modal.js';
import { useConfirmedDelete } from '../use-confirmed-delete.js';
import { WebhookDeliveriesModal } from './webhook-deliveries-modal.js';
import { WebhookForm } from './webhook-form.js';
import { useWebhookEventLabel } from './webhook-events.js';

type Props = { onAdd: () => void; onSecret: (shown: TWebhookWithSecret) => void };

/** The workspace's webhooks: switch on and off, open the log, edit, rotate the secret, delete. */
export function WebhooksTable({ onAdd, onSecret }: Props) {
  const { t } = useTranslation();
  const webhooks = useQuery({ queryKey: WEBHOOKS_KEY, queryFn: () => api.get<TWebhookEndpoint[]>('/api/workspace/webhooks') });
  const remove = useConfirmedDelete<TWebhookEndpoint>({
    basePath: '/api/workspace/webhooks',
    queryKey: WEBHOOKS_KEY,
    successMessage: t('settings.webhooks.deleted'),
  });
  const rotate = useRotate(onSecret);
  const [logOf, setLogOf] = useState<TWebhookEndpoint | null>(null);
  const [editing, setEditing] = useState<TWebhookEndpoint | null>(null);

  return (
    <>
      <QueryState query={webhooks}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState
              title={t('settings.webhooks.emptyTitle')}
              message={t('settings.webhooks.empty')}
              actions={[{ label: t('settings.webhooks.add'), icon: <IconPlus size={16} aria-hidden />, onClick: onAdd, primary: true }]}
            />
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={PINNED_COLUMN}>{t('settings.webhooks.url')}</Table.Th>
                    <Table.Th>{t('settings.webhooks.events')}</Table.Th>
                    <Table.Th>{t('settings.webhooks.active')}</Table.Th>
                    <Table.Th>{t('settings.webhooks.createdAt')}</Table.Th>
                    <Table.Th>{t('settings.webhooks.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((webhook) => (
                    <WebhookRow key={webhook.id} webhook={webhook} onLog={setLogOf} onEdit={setEditing} onRotate={rotate.ask} onDelete={remove.ask} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <WebhookDeliveriesModal endpoint={logOf} onClose={() => setLogOf(null)} />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('settings.webhooks.editTitle')} size="lg">
        {editing && <WebhookForm key={editing.id} editing={editing} onSaved={() => setEditing(null)} />}
      </Modal>
      <ConfirmModal
        opened={rotate.pending !== null}
        title={t('settings.webhooks.rotateTitle')}
        confirmLabel={t('settings.webhooks.rotate')}
        loading={rotate.isPending}
        onConfirm={rotate.confirm}
        onClose={rotate.cancel}
      >
        {t('settings.webhooks.rotateBody')}
      </ConfirmModal>
      <ConfirmModal
        opened={remove.pending !== null}
        title={t('settings.webhooks.deleteTitle', { url: remove.pending?.url ?? '' })}
        confirmLabel={t('settings.webhooks.delete')}
        loading={remove.isPending}
        onConfirm={remove.confirm}
        onClose={remove.cancel}
      >
        {t('settings.webhooks.deleteBody')}
      </ConfirmModal>
    </>
  );
}

type TRowProps = {
  webhook: TWebhookEndpoint;
  onLog: (webhook: TWebhookEndpoint) => void;
  onEdit: (webhook: TWebhookEndpoint) => void;
  onRotate: (webhook: TWebhookEndpoint) => void;
  onDelete: (webhook: TWebhookEndpoint) => void;
};

function WebhookRow({ webhook, onLog, onEdit, onRotate, onDelete }: TRowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const eventLabel = useWebhookEventLabel();
  const toggle = useToggle();
  return (
    <Table.Tr>
      <Table.Td style={{ ...PINNED_COLUMN, maxWidth: 200 }}>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {webhook.url}
        </Text>
        {webhook.description && (
          <Text size="xs" c="dimmed">
            {webhook.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {webhook.event_types.map((type) => (
            <Badge key={type} variant="light" style={{ textTransform: 'none' }}>
              {eventLabel(type)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={t('settings.webhooks.activeOf', { url: webhook.url })}
          checked={webhook.is_active}
          disabled={toggle.isPending}
          onChange={(event) => toggle.mutate({ id: webhook.id, is_active: event.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>{format.date(webhook.created_at)}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={() => onLog(webhook)}>
            {t('settings.webhooks.log')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => onEdit(webhook)}>
            {t('settings.webhooks.edit')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => onRotate(webhook)}>
            {t('settings.webhooks.rotate')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => onDelete(webhook)}>
            {t('settings.webhooks.delete')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** PATCH is_active, then refresh the list. */
function useToggle() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, is_active }: { id: string; is_active: boolean }) => api.patch<TWebhookEndpoint>(`/api/workspace/webhooks/${id}`, { is_active }),
    onSuccess: async (updated) => {
      notifications.show({ color: 'teal', message: t(updated.is_active ? 'settings.webhooks.enabled' : 'settings.webhooks.disabled') });
      await queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
    },
    onError: (error) => notifyError(error, t),
  });
}

/** Rotate-after-confirmation: the new secret goes to `onSecret`, the only time it is shown. */
function useRotate(onSecret: (shown: TWebhookWithSecret) => void) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<TWebhookEndpoint | null>(null);
  const mutation = useMutation({
    mutationFn: (webhook: TWebhookEndpoint) => api.post<TWebhookWithSecret>(`/api/workspace/webhooks/${webhook.id}/rotate-secret`),
    onSuccess: (rotated) => {
      setPending(null);
      onSecret(rotated);
    },
    onError: (error) => notifyError(error, t),
  });
  return { pending, ask: setPending, cancel: () => setPending(null), confirm: () => pending && mutation.mutate(pending), isPending: mutation.isPending };
}
