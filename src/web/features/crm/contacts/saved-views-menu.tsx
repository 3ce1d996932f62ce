import { ActionIcon, Button, Divider, Group, Modal, Popover, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSavedView, TSavedViewConfig } from '../../../../contracts/crm-contacts.js';
import { ApiError } from '../../../lib/api.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { useCreateSavedView, useDeleteSavedView, useSavedViews } from './contacts-api.js';

type Props = { current: TSavedViewConfig; canEdit: boolean; onPick: (view: TSavedView) => void };

/** "Vues": apply a saved view, save the current columns + filter + sort under a name, delete one. */
export function SavedViewsMenu({ current, canEdit, onPick }: Props) {
  const { t } = useTranslation();
  const { data: views = [] } = useSavedViews();
  const create = useCreateSavedView();
  const remove = useDeleteSavedView();
  const [opened, setOpened] = useState(false);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TSavedView | null>(null);

  const save = () =>
    create.mutate(
      { name: name.trim(), config: current },
      {
        onSuccess: (view) => {
          notifications.show({ color: 'green', message: t('crmContacts.views.saved', { name: view.name }) });
          setSaving(false);
          setName('');
        },
        onError: (error) => setNameError(error instanceof ApiError ? (error.fieldErrors().name ?? error.explanation()) : String(error)),
      },
    );

  return (
    <>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" width={280}>
        <Popover.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} onClick={() => setOpened((o) => !o)}>
            {t('crmContacts.views.label')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap={4}>
            {views.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('crmContacts.views.none')}
              </Text>
            )}
            {views.map((view) => (
              <Group key={view.id} justify="space-between" wrap="nowrap" gap="xs">
                <UnstyledButton
                  onClick={() => {
                    onPick(view);
                    setOpened(false);
                  }}
                  style={{ flex: 1, minWidth: 0 }}
                  py={4}
                >
                  <Text size="sm" truncate="end">
                    {view.name}
                  </Text>
                </UnstyledButton>
                {canEdit && (
                  <ActionIcon variant="subtle" color="red" aria-label={t('crmContacts.views.delete', { name: view.name })} onClick={() => setDeleting(view)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {canEdit && (
              <>
                <Divider my={4} />
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => {
                    setOpened(false);
                    setNameError(null);
                    setSaving(true);
                  }}
                >
                  {t('crmContacts.views.save')}
                </Button>
              </>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <Modal opened={saving} onClose={() => setSaving(false)} title={t('crmContacts.views.saveTitle')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <Stack>
            <TextInput
              label={t('crmContacts.views.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameError}
              required
              data-autofocus
            />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                {t('crmContacts.views.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('crmContacts.views.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('crmContacts.views.deleteConfirm')}
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        {t('crmContacts.views.deleteBody')}
      </ConfirmModal>
    </>
  );
}
