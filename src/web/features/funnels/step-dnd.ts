import type { Announcements, KeyboardCoordinateGetter, ScreenReaderInstructions } from '@dnd-kit/core';
import type { TFunnelPageSummary } from '../../../contracts/funnels.js';
import type { TFunction } from 'i18next';

const DIRECTIONS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };

/**
 * Keyboard dragging from step to step: each arrow moves the dragged step from the step it is over (the nearest centre,
 * as closestCenter sees it) onto the centre of the next step up or down, rather than dnd-kit's default 25 pixels. The
 * dragged overlay is smaller than a card, so "the nearest card below me" would be the card it started from.
 */
export const verticalListCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const direction = DIRECTIONS[event.code];
  const { active, collisionRect, droppableRects, droppableContainers } = context;
  if (!direction || !active || !collisionRect) return undefined;
  event.preventDefault();
  const centerY = collisionRect.top + collisionRect.height / 2;
  const centers = droppableContainers
    .getEnabled()
    .flatMap((container) => {
      const rect = droppableRects.get(container.id);
      return rect ? [rect.top + rect.height / 2] : [];
    })
    .sort((a, b) => a - b);
  if (centers.length === 0) return currentCoordinates;
  const over = centers.reduce((best, center, index) => (Math.abs(center - centerY) < Math.abs(centers[best]! - centerY) ? index : best), 0);
  const target = centers[over + direction];
  return target === undefined ? currentCoordinates : { x: currentCoordinates.x, y: currentCoordinates.y + target - centerY };
};

/** What screen readers hear while a step is dragged: its name and the place it would take, in the interface's language. */
export function stepAnnouncements(
  t: TFunction,
  pages: TFunnelPageSummary[],
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const nameOf = (id: string | number) => pages.find((page) => page.id === id)?.name ?? '';
  const position = (id: string | number) => pages.findIndex((page) => page.id === id) + 1;
  const count = pages.length;
  return {
    screenReaderInstructions: { draggable: t('funnelList.steps.a11y.instructions') },
    announcements: {
      onDragStart: ({ active }) => t('funnelList.steps.a11y.picked', { name: nameOf(active.id), position: position(active.id), count }),
      onDragOver: ({ active, over }) => (over ? t('funnelList.steps.a11y.over', { name: nameOf(active.id), position: position(over.id), count }) : undefined),
      onDragEnd: ({ active, over }) =>
        over
          ? t('funnelList.steps.a11y.dropped', { name: nameOf(active.id), position: position(over.id), count })
          : t('funnelList.steps.a11y.cancelled', { name: nameOf(active.id) }),
      onDragCancel: ({ active }) => t('funnelList.steps.a11y.cancelled', { name: nameOf(active.id) }),
    },
  };
}
