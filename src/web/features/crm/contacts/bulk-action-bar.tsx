import { Button, Group, Menu, Modal, Paper, Popover, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTag, IconTagOff, IconTrash, IconUserCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBulkTarget, TLeadBulkBody } from '../../../../contracts/crm-contacts.js';
import { LEAD_STATUSES } from '../../../../contracts/crm.js';
import { errorDetail } from '../../../lib/errors.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { useWorkspaceMembers } from '../crm-api.js';
import { useBulkAction } from './contacts-api.js';

type Props = { target: TBulkTarget; count: number; onDone: () => void };

/** The bar shown while rows are selected: status, tags, owner, delete (after a confirmation). */
export function BulkActionBar({ target, count, onDone }: Props) {
  const { t } = useTranslation();
  const bulk = useBulkAction();
  const { data: members = [] } = useWorkspaceMembers();
  const [tagAction, setTagAction] = useState<'add_tag' | 'remove_tag' | null>(null);
  const [tag, setTag] = useState('');
  const [askLost, setAskLost] = useState(false);
  const [lostReason, setLostReason] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);

  const run = (body: TLeadBulkBody) =>
    bulk.mutate(body, {
      onSuccess: ({ affected }) => {
        notifications.show({
          color: 'green',
          message: t(body.action === 'delete' ? 'crmContacts.bulk.deleted' : 'crmContacts.bulk.done', { count: affected }),
        });
        setTagAction(null);
        setTag('');
        setAskLost(false);
        setLostReason('');
        setConfirmDelete(false);
        onDone();
      },
      onError: (error) => notifications.show({ color: 'red', message: t('crmContacts.bulk.failed', { detail: errorDetail(error, t) }) }),
    });

  const tagPopover = (action: 'add_tag' | 'remove_tag', label: string, icon: ReactNode) => (
    <Popover opened={tagAction === action} onChange={(o) => setTagAction(o ? action : null)} trapFocus position="top" shadow="md" width={240}>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={icon} onClick={() => setTagAction(tagAction === action ? null : action)}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (tag.trim()) run({ action, value: tag.trim(), target });
          }}
        >
          <Stack gap="xs">
            <TextInput label={t('crmContacts.bulk.tag')} value={tag} onChange={(e) => setTag(e.currentTarget.value)} required maxLength={60} data-autofocus />
            <Button type="submit" size="xs" loading={bulk.isPending}>
              {t('crmContacts.bulk.apply')}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );

  return (
    <Paper
      withBorder
      shadow="sm"
      p="xs"
      radius="md"
      role="region"
      aria-label={t('crmContacts.bulk.label')}
      style={{ position: 'sticky', bottom: 8, zIndex: 3 }}
    >
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600} mr="xs">
          {t('crmContacts.selection.count', { count })}
        </Text>
        <Menu position="top-start" shadow="md">
          <Menu.Target>
            <Button size="xs" variant="default">
              {t('crmContacts.bulk.status')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {LEAD_STATUSES.map((status) => (
              <Menu.Item key={status} onClick={() => (status === 'lost' ? setAskLost(true) : run({ action: 'set_status', value: status, target }))}>
                {t(`crmBoard.status.${status}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        {tagPopover('add_tag', t('crmContacts.bulk.addTag'), <IconTag size={14} />)}
        {tagPopover('remove_tag', t('crmContacts.bulk.removeTag'), <IconTagOff size={14} />)}
        <Menu position="top-start" shadow="md">
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconUserCheck size={14} />}>
              {t('crmContacts.bulk.owner')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {members.map((member) => (
              <Menu.Item key={member.user_id} onClick={() => run({ action: 'set_owner', value: member.user_id, target })}>
                {member.name}
              </Menu.Item>
            ))}
            <Menu.Divider />
            <Menu.Item onClick={() => run({ action: 'set_owner', value: null, target })}>{t('crmContacts.bulk.noOwner')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button size="xs" color="red" variant="light" leftSection={<IconTrash size={14} />} onClick={() => setConfirmDelete(true)}>
          {t('crmContacts.bulk.delete')}
        </Button>
      </Group>
      <Modal opened={askLost} onClose={() => setAskLost(false)} title={t('crmContacts.bulk.status')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            run({ action: 'set_status', value: 'lost', ...(lostReason.trim() ? { lost_reason: lostReason.trim() } : {}), target });
          }}
        >
          <Stack>
            <TextInput
              label={t('crmContacts.bulk.lostReason')}
              value={lostReason}
              onChange={(e) => setLostReason(e.currentTarget.value)}
              maxLength={500}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button type="submit" color="red" loading={bulk.isPending}>
                {t('crmBoard.lost.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmModal
        opened={confirmDelete}
        title={t('crmContacts.bulk.deleteTitle', { count })}
        confirmLabel={t('crmContacts.bulk.deleteConfirm')}
        loading={bulk.isPending}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() => run({ action: 'delete', target })}
      >
        {t('crmContacts.bulk.deleteBody')}
      </ConfirmModal>
    </Paper>
  );
}
