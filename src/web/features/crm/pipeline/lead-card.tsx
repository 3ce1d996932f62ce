import { useDraggable } from '@dnd-kit/core';
import { Avatar, Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useId, useRef, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLead, TLeadStatus } from '../../../../contracts/crm.js';
import { useFormatters } from '../../../lib/format.js';
import { leadName } from '../crm-api.js';
import { useLeadDrawer } from '../lead-drawer/use-lead-drawer.js';
import classes from './board.module.css';
import { MoveMenu } from './move-menu.js';

const DAY_MS = 86_400_000;
/** Tags shown on a card; the rest are counted ("+2"). */
const VISIBLE_TAGS = 3;

type Props = {
  lead: TLead;
  canEdit: boolean;
  /** The owner's name, when the lead has one. */
  ownerName: string | null;
  /** 0 for the column's one tab stop, -1 for the others (roving tabindex). */
  tabIndex: 0 | -1;
  onFocus: () => void;
  /** Take the focus when shown (the card just moved here from the keyboard or a menu). */
  autoFocus: boolean;
  preventScrollOnFocus: boolean;
  onMove: (lead: TLead, to: TLeadStatus) => void;
  /** "now" for overdue tasks and days in stage, passed in so every card of a render agrees. */
  now: number;
};

/**
 * A lead on the board: name, company, value, owner, score, next task, days in its stage and tags. The card
 * drags (mouse, touch, keyboard with Space), opens the lead on click or Enter, and has a "Déplacer vers…" menu
 * (reached with the right arrow) for those who neither drag nor see the other columns (phone, keyboard).
 */
export function LeadCard({ lead, canEdit, ownerName, tabIndex, onFocus, autoFocus, preventScrollOnFocus, onMove, now }: Props) {
  const { t } = useTranslation();
  const drawer = useLeadDrawer();
  const detailsId = useId();
  const menuRef = useRef<HTMLButtonElement>(null);
  const mainRef = useRef<HTMLDivElement | null>(null);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: lead.id, data: { lead }, disabled: !canEdit });
  useEffect(() => {
    if (autoFocus) mainRef.current?.focus({ preventScroll: preventScrollOnFocus });
  }, [autoFocus, preventScrollOnFocus]);
  // A click opens the lead, unless it ends a mouse drag (the release lands on the card); Enter opens it
  // too, while Space stays dnd-kit's keyboard drag.
  const pressedAt = useRef<{ x: number; y: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    pressedAt.current = { x: event.clientX, y: event.clientY };
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const from = pressedAt.current;
    if (from && Math.hypot(event.clientX - from.x, event.clientY - from.y) > 4) return;
    drawer.open(lead.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!isDragging && event.key === 'Enter') {
      event.preventDefault();
      drawer.open(lead.id);
      return;
    }
    if (!isDragging && event.key === 'ArrowRight' && menuRef.current) {
      event.preventDefault();
      menuRef.current.focus();
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  const name = leadName(lead);
  return (
    <div ref={setNodeRef} role="listitem" className={classes.card} data-dragging={isDragging || undefined}>
      <div
        {...attributes}
        {...listeners}
        ref={(node) => {
          mainRef.current = node;
          setActivatorNodeRef(node);
        }}
        className={classes.cardMain}
        data-draggable={canEdit || undefined}
        data-card={lead.id}
        tabIndex={tabIndex}
        onFocus={onFocus}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        onClick={onClick}
        aria-roledescription={t('crmBoard.cardRole')}
        aria-label={name}
        aria-describedby={[attributes['aria-describedby'], detailsId].filter(Boolean).join(' ')}
      >
        <CardBody lead={lead} name={name} ownerName={ownerName} now={now} detailsId={detailsId} />
      </div>
      {canEdit && <MoveMenu ref={menuRef} lead={lead} onMove={(to) => onMove(lead, to)} onBack={() => mainRef.current?.focus()} />}
    </div>
  );
}

type BodyProps = { lead: TLead; name: string; ownerName: string | null; now: number; detailsId?: string };

/** What a card shows; also the picture under the pointer while dragging. */
export function CardBody({ lead, name, ownerName, now, detailsId }: BodyProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const task = lead.next_task;
  const overdue = task?.due_at != null && Date.parse(task.due_at) < now;
  const days = lead.stage_entered_at ? Math.max(0, Math.floor((now - Date.parse(lead.stage_entered_at)) / DAY_MS)) : null;
  return (
    <>
      <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
        <Text size="sm" fw={500} lineClamp={1}>
          {name}
        </Text>
        {ownerName && <Avatar size={22} radius="xl" color="initials" name={ownerName} title={ownerName} aria-hidden />}
      </Group>
      <div id={detailsId}>
        {lead.company && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {lead.company}
          </Text>
        )}
        <Group gap={6} mt={2} wrap="nowrap">
          {lead.estimated_value != null && <Text size="xs">{format.money(lead.estimated_value)}</Text>}
          <Text size="xs" c="dimmed">
            {t('crmBoard.card.score', { score: lead.score })}
          </Text>
          {days != null && (
            <Text size="xs" c="dimmed">
              {t('crmBoard.card.daysInStage', { count: days })}
            </Text>
          )}
        </Group>
        {task && (
          <Text size="xs" lineClamp={1} c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
            {overdue
              ? t('crmBoard.card.overdueTask', { title: task.title, date: format.date(task.due_at!) })
              : task.due_at
                ? t('crmBoard.card.nextTask', { title: task.title, date: format.date(task.due_at) })
                : t('crmBoard.card.task', { title: task.title })}
          </Text>
        )}
        {ownerName && <VisuallyHidden>{t('crmBoard.card.owner', { name: ownerName })}</VisuallyHidden>}
        {lead.tags.length > 0 && (
          <Group gap={4} mt={4}>
            {lead.tags.slice(0, VISIBLE_TAGS).map((tag) => (
              <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
                {tag}
              </Badge>
            ))}
            {lead.tags.length > VISIBLE_TAGS && (
              <Text size="xs" c="dimmed">
                +{lead.tags.length - VISIBLE_TAGS}
              </Text>
            )}
          </Group>
        )}
      </div>
    </>
  );
}
