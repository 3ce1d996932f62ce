import { Box, Center, Checkbox, Loader, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLead } from '../../../../contracts/crm.js';
import { leadName } from '../crm-api.js';
import type { TCellContext, TColumn } from './contacts-columns.js';

const ROW_HEIGHT = 44;
const CHECKBOX_WIDTH = 44;

type Props = {
  rows: TLead[];
  columns: TColumn[];
  ctx: TCellContext;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  selectable: boolean;
  isSelected: (id: string) => boolean;
  toggle: (id: string) => void;
  allLoadedSelected: boolean;
  someSelected: boolean;
  toggleAllLoaded: () => void;
  onOpen: (lead: TLead) => void;
  /** What an empty table shows (a new workspace and a filter that matches nothing need different words). */
  empty: ReactNode;
};

/**
 * The Contacts table. Only the rows in view are in the DOM (@tanstack/react-virtual), and the
 * next page loads when the user scrolls near the end. On narrow screens it scrolls sideways.
 */
export function ContactsTable({
  rows,
  columns,
  ctx,
  hasMore,
  loadingMore,
  loadMore,
  selectable,
  isSelected,
  toggle,
  allLoadedSelected,
  someSelected,
  toggleAllLoaded,
  onOpen,
  empty,
}: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 15) loadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, loadMore]);

  const template = `${selectable ? `${CHECKBOX_WIDTH}px ` : ''}${columns.map((c) => `${c.width}px`).join(' ')}`;
  const width = (selectable ? CHECKBOX_WIDTH : 0) + columns.reduce((n, c) => n + c.width, 0);
  const rowStyle = { display: 'grid', gridTemplateColumns: template, alignItems: 'center', width, minWidth: '100%' } as const;
  const cell = { padding: '0 8px', overflow: 'hidden', minWidth: 0 } as const;
  // The checkbox and the first column (the name) stay in place when the table scrolls sideways (a phone).
  const pinned = (left: number, selected = false, last = false) =>
    ({
      ...cell,
      position: 'sticky',
      left,
      zIndex: 1,
      alignSelf: 'stretch',
      display: 'flex',
      alignItems: 'center',
      background: 'var(--mantine-color-body)',
      boxShadow:
        [selected ? 'inset 0 0 0 100vmax var(--mantine-color-blue-light)' : '', last ? '1px 0 0 var(--mantine-color-default-border)' : '']
          .filter(Boolean)
          .join(', ') || undefined,
    }) as const;
  const nameLeft = selectable ? CHECKBOX_WIDTH : 0;

  return (
    <Box
      ref={scrollRef}
      style={{
        height: 'max(320px, calc(100dvh - 360px))',
        overflow: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
      }}
    >
      <div role="table" aria-label={t('crmContacts.table.label')} aria-rowcount={rows.length + 1}>
        <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}>
          <div role="row" aria-rowindex={1} style={{ ...rowStyle, height: ROW_HEIGHT, borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            {selectable && (
              <div role="columnheader" style={pinned(0)}>
                <Checkbox
                  aria-label={t('crmContacts.table.selectLoaded')}
                  checked={allLoadedSelected}
                  indeterminate={someSelected && !allLoadedSelected}
                  onChange={toggleAllLoaded}
                  disabled={rows.length === 0}
                />
              </div>
            )}
            {columns.map((column, index) => (
              <div key={column.key} role="columnheader" style={index === 0 ? pinned(nameLeft, false, true) : cell}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" truncate="end">
                  {column.label}
                </Text>
              </div>
            ))}
          </div>
        </div>
        {/* An empty rowgroup is invalid ARIA (axe: aria-required-children, critical): no role until there are rows. */}
        <div role={rows.length > 0 ? 'rowgroup' : undefined} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const lead = rows[item.index]!;
            const name = leadName(lead);
            const selected = isSelected(lead.id);
            return (
              <div
                key={lead.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selectable ? selected : undefined}
                onClick={() => onOpen(lead)}
                style={{
                  ...rowStyle,
                  position: 'absolute',
                  top: 0,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                  cursor: 'pointer',
                  borderBottom: '1px solid var(--mantine-color-default-border)',
                  background: selected ? 'var(--mantine-color-blue-light)' : undefined,
                }}
              >
                {selectable && (
                  <div role="cell" style={pinned(0, selected)} onClick={(event) => event.stopPropagation()}>
                    <Checkbox aria-label={t('crmContacts.table.selectRow', { name })} checked={selected} onChange={() => toggle(lead.id)} />
                  </div>
                )}
                {columns.map((column, index) => (
                  <div key={column.key} role="cell" style={index === 0 ? pinned(nameLeft, selected, true) : cell} data-pinned={index === 0 || undefined}>
                    {column.key === 'name' ? (
                      <UnstyledButton
                        aria-label={t('crmContacts.table.open', { name })}
                        onClick={(event) => {
                          event.stopPropagation();
                          onOpen(lead);
                        }}
                        style={{ display: 'block', width: '100%', textAlign: 'left' }}
                      >
                        {column.render(lead, ctx)}
                      </UnstyledButton>
                    ) : (
                      column.render(lead, ctx)
                    )}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      {/* Outside role="table": a table may only contain rows (axe: aria-required-children). */}
      {rows.length === 0 && !loadingMore && empty}
      {loadingMore && (
        <Center py="sm" role="status" aria-label={t('crmContacts.table.loadingMore')}>
          <Loader size="sm" />
        </Center>
      )}
    </Box>
  );
}
