import { ActionIcon, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCopy, IconExternalLink, IconSettings, IconTrash, IconWorld, IconWorldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TFunnel } from '../../../contracts/funnels.js';
import { useFormatters } from '../../lib/format.js';
import { ConfirmModal } from '../../ui/confirm-modal.js';
import { CopyableCode } from '../../ui/copyable-code.js';
import { FunnelStatusBadge, FunnelTypeBadge } from './funnel-badges.js';
import { FunnelSettingsModal } from './funnel-settings-modal.js';
import { useDeleteFunnel, useDuplicateFunnel, useFunnelPublication } from './use-funnel-mutations.js';

type Props = { funnel: TFunnel; canEdit: boolean };

/**
 * The funnel's name, type and state, its public address while published (copy, open), and Publier / Dépublier,
 * Dupliquer, Paramètres, Supprimer.
 */
export function FunnelHeader({ funnel, canEdit }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  useDocumentTitle(`${funnel.name} · ${t('app.name')}`);
  const publication = useFunnelPublication();
  const duplicate = useDuplicateFunnel();
  const remove = useDeleteFunnel();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <Stack gap="sm" mb="lg">
      <Stack gap={6} style={{ minWidth: 0 }}>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {funnel.name}
        </Title>
        <Group gap="xs">
          <FunnelTypeBadge type={funnel.funnel_type} />
          <FunnelStatusBadge active={funnel.is_active} />
          <Text size="sm" c="dimmed">
            {funnel.is_active && funnel.published_at
              ? t('funnelList.view.publishedOn', { date: format.date(funnel.published_at) })
              : t('funnelList.view.updatedOn', { date: format.date(funnel.updated_at) })}
          </Text>
        </Group>
        {funnel.description && (
          <Text size="sm" c="dimmed" maw={720} style={{ overflowWrap: 'anywhere' }}>
            {funnel.description}
          </Text>
        )}
      </Stack>
      {canEdit && (
        <Group gap="xs">
          {funnel.is_active ? (
            <Button
              variant="default"
              leftSection={<IconWorldOff size={16} aria-hidden />}
              loading={publication.isPending}
              onClick={() => publication.mutate({ funnel, action: 'unpublish' })}
            >
              {t('funnelList.view.unpublish')}
            </Button>
          ) : (
            <Button
              leftSection={<IconWorld size={16} aria-hidden />}
              loading={publication.isPending}
              onClick={() => publication.mutate({ funnel, action: 'publish' })}
            >
              {t('funnelList.view.publish')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} loading={duplicate.isPending} onClick={() => duplicate.mutate(funnel)}>
            {t('funnelList.card.duplicate')}
          </Button>
          <Button variant="default" leftSection={<IconSettings size={16} aria-hidden />} onClick={() => setSettingsOpen(true)}>
            {t('funnelList.view.settings')}
          </Button>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
            {t('funnelList.view.delete')}
          </Button>
        </Group>
      )}
      {funnel.public_url ? (
        <Stack gap="xs" maw={640}>
          {funnel.domain_url && <PublicLink label={t('funnelList.view.domainLink')} url={funnel.domain_url} />}
          <PublicLink label={t('funnelList.view.publicLink')} url={funnel.public_url} />
        </Stack>
      ) : (
        funnel.is_active && (
          <Text size="sm" c="dimmed">
            {t('funnelList.view.noPublishedPage')}
          </Text>
        )
      )}
      {canEdit && <FunnelSettingsModal funnel={funnel} opened={settingsOpen} onClose={() => setSettingsOpen(false)} />}
      <ConfirmModal
        opened={deleting}
        title={t('funnelList.view.deleteTitle', { name: funnel.name })}
        confirmLabel={t('funnelList.view.delete')}
        loading={remove.isPending}
        onConfirm={() => remove.mutate(funnel, { onSuccess: () => void navigate('/funnels') })}
        onClose={() => setDeleting(false)}
      >
        {t(funnel.is_active ? 'funnelList.view.deleteBodyPublished' : 'funnelList.view.deleteBody')}
      </ConfirmModal>
    </Stack>
  );
}

/** A published address, to copy or open. */
function PublicLink({ label, url }: { label: string; url: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap={4} wrap="nowrap" align="flex-start">
        <div style={{ flex: 1, minWidth: 0 }}>
          <CopyableCode value={url} copyLabel={t('funnelList.view.copyLink')} />
        </div>
        <Tooltip label={t('funnelList.view.openLink')}>
          <ActionIcon component="a" href={url} target="_blank" rel="noreferrer" variant="subtle" size="sm" aria-label={t('funnelList.view.openLink')}>
            <IconExternalLink size={14} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Stack>
  );
}
