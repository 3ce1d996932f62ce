import { useDraggable, useDroppable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconExternalLink,
  IconFlask,
  IconGripVertical,
  IconLock,
  IconPencil,
  IconSettings,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TPageOffer } from '../../../contracts/commerce-checkout.js';
import type { TFunnel, TFunnelPageSummary } from '../../../contracts/funnels.js';
import { useFormatters } from '../../lib/format.js';
import { PageTypeBadge } from './funnel-badges.js';
import { StepOfferLine } from './offers/step-offer-line.js';

type Props = {
  funnel: TFunnel;
  page: TFunnelPageSummary;
  index: number;
  count: number;
  /** The step "next step" buttons lead to when it is not the next one in order. */
  nextPageName: string | null;
  canEdit: boolean;
  /** Take the focus on this move button (the step was just moved with it). */
  focusMove: 'up' | 'down' | null;
  /** The dragged step is over this one and would land here. */
  dropTarget: boolean;
  publishing: boolean;
  onMove: (delta: -1 | 1) => void;
  onSettings: () => void;
  /** Opens the page's A/B test (ab/page-ab-test-modal.tsx). */
  onAbTest: () => void;
  onDelete: () => void;
  onPublishChanges: () => void;
  /** What the step sells (commerce's step offer), if anything. */
  offer: TPageOffer | undefined;
  onOffer: () => void;
};

/**
 * One step of the funnel: its place, type, name and address, its visitors, conversions and conversion rate, whether
 * it is online (and changed since), and Éditer la page / Paramètres de la page / delete. It drags by its handle
 * (mouse, touch, or Space and the arrows) and moves with the up and down buttons.
 */
export function StepCard(props: Props) {
  const { funnel, page, index, count, nextPageName, canEdit, focusMove, dropTarget, publishing } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const { attributes, listeners, setNodeRef: setDragRef, setActivatorNodeRef, isDragging } = useDraggable({ id: page.id, data: { page }, disabled: !canEdit });
  const { setNodeRef: setDropRef } = useDroppable({ id: page.id, disabled: !canEdit });
  const label = t('funnelList.steps.cardLabel', { n: index + 1, name: page.name });
  useEffect(() => {
    if (focusMove === 'up') (index > 0 ? upRef : downRef).current?.focus();
    if (focusMove === 'down') (index < count - 1 ? downRef : upRef).current?.focus();
  }, [focusMove, index, count]);
  const figures = [
    { label: t('funnelList.steps.visitors'), value: format.number(page.visitors) },
    { label: t('funnelList.steps.conversions'), value: format.number(page.conversions) },
    { label: t('funnelList.steps.conversionRate'), value: page.conversion_rate === null ? '—' : format.percent(page.conversion_rate, 1) },
  ];
  return (
    <Paper
      ref={(node) => {
        setDragRef(node);
        setDropRef(node);
      }}
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      role="group"
      aria-label={label}
      data-page-id={page.id}
      style={{
        opacity: isDragging ? 0.4 : 1,
        borderColor: dropTarget ? 'var(--mantine-primary-color-filled)' : undefined,
        boxShadow: dropTarget ? '0 0 0 1px var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Group gap="xs" style={{ minWidth: 0 }}>
            {canEdit && (
              <ActionIcon
                ref={setActivatorNodeRef}
                variant="subtle"
                color="gray"
                aria-label={t('funnelList.steps.drag', { label })}
                title={t('funnelList.steps.dragHint')}
                style={{ cursor: 'grab', touchAction: 'none', flexShrink: 0 }}
                {...attributes}
                {...listeners}
              >
                <IconGripVertical size={18} />
              </ActionIcon>
            )}
            <ThemeIcon variant="light" color="gray" radius="xl" size="md" aria-hidden style={{ flexShrink: 0 }}>
              <Text size="sm" fw={700}>
                {index + 1}
              </Text>
            </ThemeIcon>
            <PageTypeBadge type={page.page_type} />
            <PublicationBadge page={page} funnelActive={funnel.is_active} />
            {page.members_only && (
              <Badge variant="light" color="grape" leftSection={<IconLock size={12} aria-hidden />}>
                {t('memberPages.badge')}
              </Badge>
            )}
          </Group>
          {canEdit && (
            <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
              <ActionIcon
                ref={upRef}
                variant="subtle"
                disabled={index === 0}
                aria-label={t('funnelList.steps.moveUp', { label })}
                onClick={() => props.onMove(-1)}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                ref={downRef}
                variant="subtle"
                disabled={index === count - 1}
                aria-label={t('funnelList.steps.moveDown', { label })}
                onClick={() => props.onMove(1)}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('funnelList.steps.remove', { label })} onClick={props.onDelete}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>
        <Stack gap={2}>
          <Text fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {page.name}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {`/${funnel.slug}/${page.slug}`}
          </Text>
          {nextPageName && (
            <Text size="xs" c="dimmed">
              {t('funnelList.steps.nextIs', { name: nextPageName })}
            </Text>
          )}
        </Stack>
        <StepOfferLine pageType={page.page_type} hasCheckoutBlocks={page.has_checkout_blocks} offer={props.offer} canEdit={canEdit} onEdit={props.onOffer} />
        <SimpleGrid cols={3} spacing="xs" verticalSpacing="xs" component="dl" m={0} maw={420}>
          {figures.map((figure) => (
            // The term comes first for screen readers; the figure shows above it.
            <Stack key={figure.label} gap={0} style={{ flexDirection: 'column-reverse', justifyContent: 'flex-end' }}>
              <Text component="dt" size="xs" c="dimmed">
                {figure.label}
              </Text>
              <Text component="dd" m={0} fw={700}>
                {figure.value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            {canEdit && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPencil size={14} aria-hidden />}
                component={Link}
                to={`/funnels/${funnel.id}/pages/${page.id}/edit`}
              >
                {t('funnelList.steps.edit')}
              </Button>
            )}
            {canEdit && (
              <Button size="xs" variant="default" leftSection={<IconSettings size={14} aria-hidden />} onClick={props.onSettings}>
                {t('funnelList.steps.settings')}
              </Button>
            )}
            <Button size="xs" variant="default" leftSection={<IconFlask size={14} aria-hidden />} onClick={props.onAbTest}>
              {t('funnelList.abTest.open')}
            </Button>
            {canEdit && page.is_published && page.has_unpublished_changes && (
              <Button size="xs" variant="subtle" leftSection={<IconUpload size={14} aria-hidden />} loading={publishing} onClick={props.onPublishChanges}>
                {t('funnelList.steps.publishChanges')}
              </Button>
            )}
          </Group>
          {page.public_url && (
            <Anchor href={page.public_url} target="_blank" rel="noreferrer" size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
              <IconExternalLink size={14} aria-hidden />
              {t('funnelList.steps.open')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** En ligne / Non publiée, and "modifications non publiées" when the page changed since it was published. */
function PublicationBadge({ page, funnelActive }: { page: TFunnelPageSummary; funnelActive: boolean }) {
  const { t } = useTranslation();
  if (!page.is_published) {
    return (
      <Badge variant="light" color="gray">
        {t('funnelList.steps.notPublished')}
      </Badge>
    );
  }
  return (
    <>
      <Tooltip label={t('funnelList.steps.funnelOffline')} disabled={funnelActive} multiline w={240} withArrow>
        <Badge variant="light" color={funnelActive ? 'teal' : 'gray'}>
          {t(funnelActive ? 'funnelList.steps.online' : 'funnelList.steps.publishedOffline')}
        </Badge>
      </Tooltip>
      {page.has_unpublished_changes && (
        <Badge variant="light" color="orange">
          {t('funnelList.steps.unpublishedChanges')}
        </Badge>
      )}
    </>
  );
}
