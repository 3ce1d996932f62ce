import { ActionIcon, Anchor, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDots, IconExternalLink, IconTrash, IconWorld, IconWorldOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFunnel } from '../../../contracts/funnels.js';
import { useFormatters } from '../../lib/format.js';
import { FunnelStatusBadge, FunnelTypeBadge } from './funnel-badges.js';

type Props = {
  funnel: TFunnel;
  canEdit: boolean;
  duplicating: boolean;
  onDuplicate: (funnel: TFunnel) => void;
  onPublication: (funnel: TFunnel, action: 'publish' | 'unpublish') => void;
  onDelete: (funnel: TFunnel) => void;
};

/**
 * A funnel as the spec draws it: name, type, "5 pages • 1 234 visiteurs", "234 leads • 12 % conversion", its
 * publication, and Éditer / Stats / Dupliquer with a menu for the rest (publish or unpublish, delete).
 */
export function FunnelCard({ funnel, canEdit, duplicating, onDuplicate, onPublication, onDelete }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = `funnel-${funnel.id}`;
  const pages = t('funnelList.card.pages', { count: funnel.page_count, formatted: format.number(funnel.page_count) });
  const visitors = t('funnelList.card.visitors', { count: funnel.total_visitors, formatted: format.number(funnel.total_visitors) });
  const leads = t('funnelList.card.leads', { count: funnel.total_leads, formatted: format.number(funnel.total_leads) });
  // No rate before a first visitor: a dash rather than a misleading 0 %.
  const rate = t('funnelList.card.conversion', { rate: funnel.conversion_rate === null ? '—' : format.percent(funnel.conversion_rate, 1) });
  // The workspace's own domain when the funnel answers on one: the address its visitors see.
  const address = funnel.domain_url ?? funnel.public_url;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h4" id={titleId} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {funnel.name}
          </Title>
          {canEdit && (
            <Menu position="bottom-end" withinPortal shadow="md">
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={t('funnelList.card.more', { name: funnel.name })} style={{ flexShrink: 0 }}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {funnel.is_active ? (
                  <Menu.Item leftSection={<IconWorldOff size={16} aria-hidden />} onClick={() => onPublication(funnel, 'unpublish')}>
                    {t('funnelList.view.unpublish')}
                  </Menu.Item>
                ) : (
                  <Menu.Item leftSection={<IconWorld size={16} aria-hidden />} onClick={() => onPublication(funnel, 'publish')}>
                    {t('funnelList.view.publish')}
                  </Menu.Item>
                )}
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => onDelete(funnel)}>
                  {t('funnelList.view.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <Group gap="xs">
          <FunnelTypeBadge type={funnel.funnel_type} />
          <FunnelStatusBadge active={funnel.is_active} />
          {funnel.is_template && (
            <Text size="xs" c="dimmed">
              {t('funnelList.card.isTemplate')}
            </Text>
          )}
        </Group>
        <Stack gap={2}>
          <Text size="sm">{`${pages} • ${visitors}`}</Text>
          <Text size="sm">{`${leads} • ${rate}`}</Text>
        </Stack>
        {address && (
          <Anchor
            href={address}
            target="_blank"
            rel="noreferrer"
            size="xs"
            title={t('funnelList.card.openPublic')}
            style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minWidth: 0, maxWidth: '100%' }}
          >
            <IconExternalLink size={14} aria-hidden style={{ flexShrink: 0 }} />
            <Text span size="xs" truncate>
              {address.replace(/^https?:\/\//, '')}
            </Text>
          </Anchor>
        )}
        <Group gap="xs" mt="auto">
          <Button size="xs" variant="light" component={Link} to={`/funnels/${funnel.id}`}>
            {t(canEdit ? 'funnelList.card.edit' : 'funnelList.card.open')}
          </Button>
          <Button size="xs" variant="subtle" component={Link} to={`/funnels/${funnel.id}?tab=stats`}>
            {t('funnelList.card.stats')}
          </Button>
          {canEdit && (
            <Button size="xs" variant="subtle" loading={duplicating} onClick={() => onDuplicate(funnel)}>
              {t('funnelList.card.duplicate')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
