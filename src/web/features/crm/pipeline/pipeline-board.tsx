import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { Select, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES, type TLead, type TLeadStats, type TLeadStatus } from '../../../../contracts/crm.js';
import { leadName, useWorkspaceMembers } from '../crm-api.js';
import { boardAnnouncements } from './board-announcements.js';
import classes from './board.module.css';
import { CardBody } from './lead-card.js';
import { LostReasonModal } from './lost-reason-modal.js';
import { PipelineColumn } from './pipeline-column.js';
import { useMoveLead } from './use-move-lead.js';

type Props = { stats: TLeadStats | undefined; canEdit: boolean };

/** Refresh of "now" (overdue tasks, days in stage) while the board stays open. */
const CLOCK_MS = 60_000;

/**
 * The pipeline: one column per status side by side, scrolling sideways; on a phone one stage at a time
 * (swipe, or the stage picker). Drag a card (mouse, long press, or Space and the arrows) or use its
 * "Déplacer vers…" menu to change its status; "Perdu" asks for the reason first.
 */
export function PipelineBoard({ stats, canEdit }: Props) {
  const { t } = useTranslation();
  const move = useMoveLead();
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const [pendingLost, setPendingLost] = useState<TLead | null>(null);
  const [dragged, setDragged] = useState<TLead | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const now = useNow();
  const ownerName = useOwnerNames();
  const boardRef = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useStageInView(boardRef, isPhone);
  // A short press scrolls (phone) and a long press drags; the mouse drags after 5 px (a click opens the lead).
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );
  const accessibility = useMemo(() => boardAnnouncements(t), [t]);

  function requestMove(lead: TLead, to: TLeadStatus) {
    if (lead.status === to) return;
    setFocusId(lead.id);
    if (to === 'lost') setPendingLost(lead);
    else move.mutate({ lead, to });
  }

  function onDragStart(event: DragStartEvent) {
    setDragged((event.active.data.current?.lead as TLead | undefined) ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    const lead = event.active.data.current?.lead as TLead | undefined;
    const to = event.over?.id as TLeadStatus | undefined;
    if (lead && to) requestMove(lead, to);
  }

  const summary = (status: TLeadStatus) => stats?.by_status.find((s) => s.status === status);
  return (
    <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(null)} accessibility={accessibility}>
      <Stack gap="xs">
        {isPhone && (
          <Select
            label={t('crmBoard.stagePicker')}
            value={stage}
            allowDeselect={false}
            onChange={(value) => value && setStage(value as TLeadStatus)}
            data={LEAD_STATUSES.map((status) => ({ value: status, label: `${t(`crmBoard.status.${status}`)} (${summary(status)?.count ?? 0})` }))}
          />
        )}
        <div ref={boardRef} className={classes.board} data-testid="pipeline-board">
          {LEAD_STATUSES.map((status) => (
            <PipelineColumn
              key={status}
              status={status}
              summary={summary(status)}
              canEdit={canEdit}
              ownerName={ownerName}
              onMove={requestMove}
              focusId={focusId}
              preventScrollOnFocus={isPhone}
              now={now}
            />
          ))}
        </div>
      </Stack>
      <DragOverlay dropAnimation={null}>
        {dragged && (
          <div className={`${classes.card} ${classes.overlay}`}>
            <div className={classes.cardMain}>
              <CardBody lead={dragged} name={leadName(dragged)} ownerName={ownerName(dragged.owner_id)} now={now} />
            </div>
          </div>
        )}
      </DragOverlay>
      <LostReasonModal
        lead={pendingLost}
        onCancel={() => setPendingLost(null)}
        onConfirm={(reason) => {
          if (pendingLost) move.mutate({ lead: pendingLost, to: 'lost', lost_reason: reason });
          setPendingLost(null);
        }}
      />
    </DndContext>
  );
}

/** The current time, refreshed every minute. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Owner names by user id, from the workspace's members. */
function useOwnerNames(): (userId: string | null) => string | null {
  const { data: members } = useWorkspaceMembers();
  return useMemo(() => {
    const names = new Map((members ?? []).map((member) => [member.user_id, member.name]));
    return (userId) => (userId ? (names.get(userId) ?? null) : null);
  }, [members]);
}

/**
 * On a phone, the stage whose column fills the board: it follows swipes (the board snaps to columns), and
 * choosing a stage scrolls to its column.
 */
function useStageInView(boardRef: RefObject<HTMLDivElement | null>, active: boolean): [TLeadStatus, (status: TLeadStatus) => void] {
  const [stage, setStageState] = useState<TLeadStatus>('new');
  useEffect(() => {
    const board = boardRef.current;
    if (!board || !active) return;
    const onScroll = () => {
      const columns = [...board.querySelectorAll<HTMLElement>('[data-status]')];
      const closest = columns.reduce<HTMLElement | undefined>(
        (best, column) => (!best || Math.abs(column.offsetLeft - board.scrollLeft) < Math.abs(best.offsetLeft - board.scrollLeft) ? column : best),
        undefined,
      );
      const status = closest?.dataset.status as TLeadStatus | undefined;
      if (status) setStageState(status);
    };
    board.addEventListener('scroll', onScroll, { passive: true });
    return () => board.removeEventListener('scroll', onScroll);
  }, [boardRef, active]);
  const setStage = (status: TLeadStatus) => {
    setStageState(status);
    const column = boardRef.current?.querySelector<HTMLElement>(`[data-status="${status}"]`);
    boardRef.current?.scrollTo({ left: column?.offsetLeft ?? 0, behavior: 'smooth' });
  };
  return [stage, setStage];
}
