import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

const DIRECTIONS: Record<string, [number, number]> = { ArrowDown: [0, 1], ArrowUp: [0, -1], ArrowRight: [1, 0], ArrowLeft: [-1, 0] };

/**
 * Keyboard dragging from drop place to drop place: each arrow moves the dragged block (or section) onto the
 * nearest place of its kind in that direction, rather than dnd-kit's default 25 pixels.
 */
export const slotKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const direction = DIRECTIONS[event.code];
  const { active, collisionRect, droppableRects, droppableContainers } = context;
  if (!direction || !active || !collisionRect) return undefined;
  event.preventDefault();
  const [dirX, dirY] = direction;
  const centerX = collisionRect.left + collisionRect.width / 2;
  const centerY = collisionRect.top + collisionRect.height / 2;
  let best: { x: number; y: number } | undefined;
  let bestScore = Infinity;
  for (const container of droppableContainers.getEnabled()) {
    if (container.data.current?.accepts !== active.data.current?.kind) continue;
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const dx = rect.left + rect.width / 2 - centerX;
    const dy = rect.top + rect.height / 2 - centerY;
    const along = dx * dirX + dy * dirY;
    if (along <= 4) continue;
    const score = along + 3 * Math.abs(dx * dirY + dy * dirX);
    if (score < bestScore) {
      bestScore = score;
      best = { x: currentCoordinates.x + dx, y: currentCoordinates.y + dy };
    }
  }
  return best ?? currentCoordinates;
};
