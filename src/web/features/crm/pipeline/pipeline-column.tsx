import { useDndContext, useDroppable } from '@dnd-kit/core';
import { Badge, Button, Group, Loader, Text } from '@mantine/core';
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLead, TLeadStatus } from '../../../../contracts/crm.js';
import { useFormatters } from '../../../lib/format.js';
import { useColumnLeads } from './board-api.js';
import classes from './board.module.css';
import { LeadCard } from './lead-card.js';
import { STAGE_COLORS } from './stage-colors.js';

type Props = {
  status: TLeadStatus;
  summary: { count: number; total_value: number } | undefined;
  canEdit: boolean;
  ownerName: (userId: string | null) => string | null;
  onMove: (lead: TLead, to: TLeadStatus) => void;
  /** The lead whose card takes the focus when it appears here (the one just moved). */
  focusId: string | null;
  preventScrollOnFocus: boolean;
  now: number;
};

/**
 * One stage: a sticky header (name, count, value) over its own scrolling list of cards, which loads the
 * next page of leads when its end comes into view. The cards are one tab stop (roving tabindex): the up and
 * down arrows, Home and End move between them.
 */
export function PipelineColumn({ status, summary, canEdit, ownerName, onMove, focusId, preventScrollOnFocus, now }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const columnLeads = useColumnLeads(status);
  const leads = columnLeads.data?.pages.flatMap((page) => page.items) ?? [];
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const { active } = useDndContext();
  const headerId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const label = t(`crmBoard.status.${status}`);
  const [lastFocused, setLastFocused] = useState<string | null>(null);
  const tabStop = lastFocused && leads.some((lead) => lead.id === lastFocused) ? lastFocused : leads[0]?.id;

  useLoadMoreOnScroll(listRef, columnLeads);

  // Arrows move the focus between cards, except during a keyboard drag (the arrows then move the card).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (active || !listRef.current) return;
    const cards = [...listRef.current.querySelectorAll<HTMLElement>('[data-card]')];
    const index = cards.findIndex((card) => card === event.target);
    if (index < 0) return;
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: cards.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    cards[Math.max(0, Math.min(cards.length - 1, next))]?.focus();
  };

  const count = summary?.count ?? leads.length;
  return (
    <section
      ref={setNodeRef}
      className={classes.column}
      style={{ '--stage-color': `var(--mantine-color-${STAGE_COLORS[status]}-filled)` } as CSSProperties}
      data-over={isOver || undefined}
      aria-labelledby={headerId}
      data-testid={`column-${status}`}
      data-status={status}
    >
      <div className={classes.header}>
        <Group justify="space-between" wrap="nowrap">
          <Text id={headerId} fw={600} size="sm">
            {label}
          </Text>
          <Badge variant="light" color={STAGE_COLORS[status]} aria-label={t('crmBoard.countLabel', { count })}>
            {format.number(count)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {format.money(summary?.total_value ?? 0)}
        </Text>
      </div>
      <div ref={listRef} className={classes.list} onKeyDown={onKeyDown}>
        <div role="list" aria-label={label} className={classes.cards}>
          {leads.map((lead) => (
            <LeadCard
              key={lead.id}
              lead={lead}
              canEdit={canEdit}
              ownerName={ownerName(lead.owner_id)}
              tabIndex={lead.id === tabStop ? 0 : -1}
              onFocus={() => setLastFocused(lead.id)}
              autoFocus={lead.id === focusId}
              preventScrollOnFocus={preventScrollOnFocus}
              onMove={onMove}
              now={now}
            />
          ))}
        </div>
        <ColumnFooter shown={leads.length} total={count} query={columnLeads} />
      </div>
    </section>
  );
}

type TColumnQuery = ReturnType<typeof useColumnLeads>;

/** Loads the next page when the end of the list scrolls into view (the sentinel is the footer). */
function useLoadMoreOnScroll(listRef: RefObject<HTMLDivElement | null>, query: TColumnQuery) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const list = listRef.current;
    const sentinel = list?.querySelector('[data-column-end]');
    if (!list || !sentinel || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { root: list, rootMargin: '0px 0px 300px 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [listRef, hasNextPage, isFetchingNextPage, fetchNextPage]);
}

/** The end of a column: "50 of 120", a spinner while the next page loads, a button if scrolling cannot. */
function ColumnFooter({ shown, total, query }: { shown: number; total: number; query: TColumnQuery }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (query.isPending) return <Loader size="sm" mx="auto" data-column-end role="status" aria-label={t('app.loading')} />;
  if (!query.hasNextPage) return <span data-column-end />;
  return (
    <Group data-column-end justify="space-between" wrap="nowrap" gap={4}>
      <Text size="xs" c="dimmed">
        {t('crmBoard.shown', { shown: format.number(shown), total: format.number(Math.max(total, shown)) })}
      </Text>
      {query.isFetchingNextPage ? (
        <Loader size="xs" role="status" aria-label={t('app.loading')} />
      ) : (
        <Button size="compact-xs" variant="subtle" onClick={() => void query.fetchNextPage()}>
          {t('crmBoard.loadMore')}
        </Button>
      )}
    </Group>
  );
}
