import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { Box, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconGripVertical, IconStack2 } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunnel, TFunnelPageSummary } from '../../../contracts/funnels.js';
import { notifyError } from '../../lib/errors.js';
import { ConfirmModal } from '../../ui/confirm-modal.js';
import { EmptyState } from '../../ui/empty-state.js';
import { QueryState } from '../../ui/query-state.js';
import { AddStepMenu } from './add-step-menu.js';
import { PageTypeBadge } from './funnel-badges.js';
import { useFunnelPages } from './funnels-api.js';
import { PageSettingsModal } from './page-settings-modal.js';
import { PageAbTestModal } from './ab/page-ab-test-modal.js';
import { StepCard } from './step-card.js';
import { useFunnelOffers } from './offers/offers-api.js';
import { StepOfferModal } from './offers/step-offer-modal.js';
import { stepAnnouncements, verticalListCoordinates } from './step-dnd.js';
import { useDeletePage, useReorderPages, useUpdatePage } from './use-funnel-mutations.js';

type Props = { funnel: TFunnel; canEdit: boolean };

/** The funnel's steps, top to bottom in the order visitors go through them, with "+ Ajouter une étape" at the end. */
export function FunnelSteps({ funnel, canEdit }: Props) {
  const pages = useFunnelPages(funnel.id);
  return <QueryState query={pages}>{(items) => <StepList funnel={funnel} pages={items} canEdit={canEdit} />}</QueryState>;
}

function StepList({ funnel, pages, canEdit }: { funnel: TFunnel; pages: TFunnelPageSummary[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const reorder = useReorderPages(funnel.id);
  const remove = useDeletePage(funnel.id);
  const publishChanges = useUpdatePage(funnel.id);
  const [settingsOf, setSettingsOf] = useState<TFunnelPageSummary | null>(null);
  const [abTestOf, setAbTestOf] = useState<TFunnelPageSummary | null>(null);
  const [offerOf, setOfferOf] = useState<TFunnelPageSummary | null>(null);
  const offers = useFunnelOffers(funnel.id);
  const offerByPage = new Map((offers.data ?? []).map((offer) => [offer.page_id, offer]));
  const [deleting, setDeleting] = useState<TFunnelPageSummary | null>(null);
  const [dragged, setDragged] = useState<TFunnelPageSummary | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ id: string; direction: 'up' | 'down' } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The mouse drags after 5 px, a finger after a long press (a short one scrolls); Space and the arrows on the handle.
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: verticalListCoordinates }),
  );
  const accessibility = useMemo(() => stepAnnouncements(t, pages), [t, pages]);
  const names = new Map(pages.map((page) => [page.id, page.name]));

  /** Puts the page at index `to` and saves the new order; `announce` for the buttons (a drag has dnd-kit's own words). */
  function moveTo(page: TFunnelPageSummary, to: number, announce = false) {
    const from = pages.findIndex((item) => item.id === page.id);
    if (from < 0 || to < 0 || to >= pages.length || from === to) return;
    const next = [...pages];
    next.splice(from, 1);
    next.splice(to, 0, page);
    reorder.mutate(next);
    if (announce) setAnnouncement(t('funnelList.steps.moved', { name: page.name, position: to + 1, count: pages.length }));
  }

  function onDragStart(event: DragStartEvent) {
    setDragged((event.active.data.current?.page as TFunnelPageSummary | undefined) ?? null);
  }
  function onDragOver(event: DragOverEvent) {
    setOverId(event.over && event.over.id !== event.active.id ? String(event.over.id) : null);
  }
  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    setOverId(null);
    const page = event.active.data.current?.page as TFunnelPageSummary | undefined;
    const to = pages.findIndex((item) => item.id === event.over?.id);
    if (page && to >= 0) moveTo(page, to);
  }

  return (
    <Stack gap="md">
      {pages.length === 0 ? (
        <EmptyState icon={<IconStack2 size={30} stroke={1.5} />} title={t('funnelList.steps.emptyTitle')} message={t('funnelList.steps.empty')} />
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          accessibility={accessibility}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={() => {
            setDragged(null);
            setOverId(null);
          }}
        >
          <Stack gap={0} component="ol" p={0} m={0} maw={880} style={{ listStyle: 'none' }} aria-label={t('funnelList.steps.listLabel')}>
            {pages.map((page, index) => (
              <li key={page.id}>
                {index > 0 && <Connector />}
                <StepCard
                  funnel={funnel}
                  page={page}
                  index={index}
                  count={pages.length}
                  nextPageName={page.next_page_id ? (names.get(page.next_page_id) ?? null) : null}
                  canEdit={canEdit}
                  focusMove={focus?.id === page.id ? focus.direction : null}
                  dropTarget={overId === page.id}
                  publishing={publishChanges.isPending && publishChanges.variables?.pageId === page.id}
                  onMove={(delta) => {
                    setFocus({ id: page.id, direction: delta < 0 ? 'up' : 'down' });
                    moveTo(page, index + delta, true);
                  }}
                  onSettings={() => setSettingsOf(page)}
                  onAbTest={() => setAbTestOf(page)}
                  offer={offerByPage.get(page.id)}
                  onOffer={() => setOfferOf(page)}
                  onDelete={() => setDeleting(page)}
                  onPublishChanges={() =>
                    publishChanges.mutate({ pageId: page.id, body: { is_published: true } }, { onError: (error) => notifyError(error, t) })
                  }
                />
              </li>
            ))}
          </Stack>
          <DragOverlay dropAnimation={null}>
            {dragged && (
              <Paper withBorder shadow="md" p="sm" radius="md" maw={480}>
                <Group gap="xs" wrap="nowrap">
                  <IconGripVertical size={18} aria-hidden />
                  <PageTypeBadge type={dragged.page_type} />
                  <Text fw={600} truncate>
                    {dragged.name}
                  </Text>
                </Group>
              </Paper>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {canEdit && <AddStepMenu funnelId={funnel.id} pageCount={pages.length} />}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <PageSettingsModal funnel={funnel} pages={pages} page={settingsOf} onClose={() => setSettingsOf(null)} />
      <PageAbTestModal funnel={funnel} page={abTestOf} canEdit={canEdit} onClose={() => setAbTestOf(null)} />
      <StepOfferModal funnel={funnel} page={offerOf} offer={offerOf ? (offerByPage.get(offerOf.id) ?? null) : null} onClose={() => setOfferOf(null)} />
      <ConfirmModal
        opened={deleting !== null}
        title={t('funnelList.steps.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('funnelList.steps.delete')}
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting, { onSuccess: () => setDeleting(null) })}
        onClose={() => setDeleting(null)}
      >
        {t(deleting?.is_published ? 'funnelList.steps.deleteBodyPublished' : 'funnelList.steps.deleteBody')}
      </ConfirmModal>
    </Stack>
  );
}

function Connector() {
  return <Box w={2} h={16} ml={{ base: 28, sm: 34 }} bg="var(--mantine-color-default-border)" aria-hidden />;
}
