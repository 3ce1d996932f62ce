import { ActionIcon, Button, Group, Stack, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconPlayerPause, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import type { TSequence } from '../../../../contracts/email-sequences.js';
import { ApiError } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { SequenceStatusBadge } from './sequence-status-badge.js';
import { useDeleteSequence, useSequenceStatusChange, useUpdateSequence } from './use-sequence-mutations.js';
import type { TStepProblem, TStepsDraft } from './use-steps-draft.js';

type Props = { sequence: TSequence; canEdit: boolean; draft: TStepsDraft; onActivationRefused: (problems: TStepProblem[]) => void };

/** The sequence's name (renamed in place), its status, and Activer / Mettre en pause / Supprimer. */
export function SequenceHeader({ sequence, canEdit, draft, onActivationRefused }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(`${sequence.name} · ${t('app.name')}`);
  const statusChange = useSequenceStatusChange(sequence.id);
  const remove = useDeleteSequence(sequence.id);
  const [deleting, setDeleting] = useState(false);
  const activate = async () => {
    // Unsaved steps go first: the server checks the saved ones.
    if (!(await draft.save())) return;
    statusChange.mutate('activate', {
      onError: (error) => {
        if (error instanceof ApiError && error.status === 400 && error.errors.length > 0) {
          onActivationRefused(error.errors);
          notifications.show({ color: 'red', title: t('email.sequences.page.notReadyTitle'), message: t('email.sequences.page.notReady') });
        } else notifyError(error, t);
      },
    });
  };
  return (
    <Group justify="space-between" align="flex-start" gap="sm" mb="lg">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 280px' }}>
        <NameEditor sequence={sequence} canEdit={canEdit} />
        <Group gap="xs">
          <SequenceStatusBadge status={sequence.status} />
        </Group>
      </Stack>
      {canEdit && (
        <Group gap="xs">
          {sequence.status === 'active' ? (
            <Button
              variant="default"
              leftSection={<IconPlayerPause size={16} aria-hidden />}
              loading={statusChange.isPending}
              onClick={() => statusChange.mutate('pause', { onError: (error) => notifyError(error, t) })}
            >
              {t('email.sequences.page.pause')}
            </Button>
          ) : (
            <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={statusChange.isPending || draft.saving} onClick={() => void activate()}>
              {t(sequence.status === 'paused' ? 'email.sequences.page.resume' : 'email.sequences.page.activate')}
            </Button>
          )}
          {sequence.status === 'active' ? (
            <Tooltip label={t('email.sequences.page.deleteActive')} multiline w={240} withArrow>
              <Button variant="subtle" color="red" data-disabled aria-disabled="true" onClick={(event) => event.preventDefault()}>
                {t('email.sequences.page.delete')}
              </Button>
            </Tooltip>
          ) : (
            <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
              {t('email.sequences.page.delete')}
            </Button>
          )}
        </Group>
      )}
      <ConfirmModal
        opened={deleting}
        title={t('email.sequences.page.deleteTitle', { name: sequence.name })}
        confirmLabel={t('email.sequences.page.delete')}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('email.sequences.page.deleted', { name: sequence.name }) });
              void navigate('/email-marketing?tab=sequences');
            },
            onError: (error) => notifyError(error, t),
          })
        }
        onClose={() => setDeleting(false)}
      >
        {t('email.sequences.page.deleteBody')}
      </ConfirmModal>
    </Group>
  );
}

/** The h1, with a pencil that turns it into a field (Enter saves, Escape cancels). */
function NameEditor({ sequence, canEdit }: { sequence: TSequence; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateSequence(sequence.id);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(sequence.name);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!name.trim()) return setError(t('validation.required'));
    update.mutate(
      { name: name.trim() },
      {
        onSuccess: () => setEditing(false),
        onError: (failure) => (failure instanceof ApiError && failure.errors[0] ? setError(failure.explanation()) : notifyError(failure, t)),
      },
    );
  };
  if (!editing) {
    return (
      <Group gap="xs" wrap="nowrap" align="center">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {sequence.name}
        </Title>
        {canEdit && (
          <ActionIcon
            variant="subtle"
            aria-label={t('email.sequences.page.rename')}
            onClick={() => {
              setName(sequence.name);
              setError(null);
              setEditing(true);
            }}
          >
            <IconPencil size={18} />
          </ActionIcon>
        )}
      </Group>
    );
  }
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        aria-label={t('email.sequences.fields.name')}
        value={name}
        maxLength={200}
        autoFocus
        error={error}
        size="md"
        style={{ flex: 1, maxWidth: 480 }}
        onChange={(event) => {
          setName(event.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') submit();
          if (event.key === 'Escape') setEditing(false);
        }}
      />
      <ActionIcon size="lg" mt={2} aria-label={t('common.save')} loading={update.isPending} onClick={submit}>
        <IconCheck size={18} />
      </ActionIcon>
      <ActionIcon size="lg" mt={2} variant="default" aria-label={t('common.cancel')} onClick={() => setEditing(false)}>
        <IconX size={18} />
      </ActionIcon>
    </Group>
  );
}
