import { Anchor, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch, IconUsers } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBulkTarget, TSavedView } from '../../../../contracts/crm-contacts.js';
import { LEAD_SORTS, type TLeadSort } from '../../../../contracts/crm.js';
import { useFormatDate, useFormatters } from '../../../lib/format.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { isAdmin, useSignedInMe } from '../../auth/session.js';
import { useLoadDemoData } from '../../../lib/use-load-demo-data.js';
import { QueryState } from '../../../ui/query-state.js';
import { useCustomFields, useWorkspaceMembers } from '../crm-api.js';
import { useLeadDrawer } from '../lead-drawer/use-lead-drawer.js';
import { BulkActionBar } from './bulk-action-bar.js';
import { ColumnPicker } from './column-picker.js';
import { useContactPages, useLeadCount } from './contacts-api.js';
import { availableColumns, DEFAULT_COLUMNS, type TCellContext } from './contacts-columns.js';
import { ExportButton } from '../import/export-button.js';
import { EMPTY_FILTER, fromLeadFilter, toLeadFilter, type TContactsFilter } from './contacts-filter.js';
import { ContactsFilters } from './contacts-filters.js';
import { ContactsTable } from './contacts-table.js';
import { SavedViewsMenu } from './saved-views-menu.js';
import { useSelection } from './use-selection.js';

/** Contacts: every lead in a table with search, filters, columns, sort, saved views and bulk actions. */
export function ContactsTab({ canEdit, onAdd, onImport }: { canEdit: boolean; onAdd: () => void; onImport: () => void }) {
  const { t } = useTranslation();
  const money = useFormatters().money;
  const date = useFormatDate();
  const drawer = useLeadDrawer();
  const me = useSignedInMe();
  const loadDemo = useLoadDemoData();
  const { data: members = [] } = useWorkspaceMembers();
  const { data: customFields = [] } = useCustomFields();
  const [filter, setFilter] = useState<TContactsFilter>(EMPTY_FILTER);
  const [columns, setColumns] = useState<string[]>(DEFAULT_COLUMNS);
  const [sort, setSort] = useState<TLeadSort>('newest');
  const [debouncedQ] = useDebouncedValue(filter.q, 250);

  const leadFilter = useMemo(() => toLeadFilter({ ...filter, q: debouncedQ }), [filter, debouncedQ]);
  const pages = useContactPages(leadFilter, sort);
  const count = useLeadCount(leadFilter);
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const selection = useSelection(rows, JSON.stringify(leadFilter));

  const available = useMemo(() => availableColumns(t, customFields), [t, customFields]);
  const shown = available.filter((c) => c.key === 'name' || columns.includes(c.key));
  const names = useMemo(() => new Map(members.map((m) => [m.user_id, m.name])), [members]);
  const ctx: TCellContext = { t, money, date, ownerName: (id) => (id ? (names.get(id) ?? '—') : '—') };
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const total = count.data ?? null;
  const target: TBulkTarget = selection.allMatching ? { filter: leadFilter } : { ids: [...selection.ids] };
  const selectedCount = selection.allMatching ? (total ?? rows.length) : selection.ids.size;

  // An empty table says why: nothing matches the filters (clear them), or the workspace has no lead yet (fill it).
  const unfiltered = JSON.stringify(filter) === JSON.stringify(EMPTY_FILTER);
  const empty = unfiltered ? (
    <EmptyState
      compact
      icon={<IconUsers size={22} stroke={1.5} />}
      message={t('crmContacts.table.noLeads')}
      actions={
        canEdit
          ? [
              { label: t('crmContacts.table.add'), onClick: onAdd, primary: true },
              { label: t('crmContacts.table.import'), onClick: onImport },
              // Admins may fill a new workspace with the demo pipeline to try every screen first.
              ...(isAdmin(me.role) ? [{ label: t('crmContacts.table.loadDemo'), onClick: () => loadDemo.mutate(), disabled: loadDemo.isPending }] : []),
            ]
          : []
      }
    />
  ) : (
    <EmptyState
      compact
      icon={<IconFilterOff size={22} stroke={1.5} />}
      message={t('crmContacts.table.empty')}
      actions={[{ label: t('crmContacts.table.clearFilters'), onClick: () => setFilter(EMPTY_FILTER) }]}
    />
  );

  const pickView = (view: TSavedView) => {
    setFilter(fromLeadFilter(view.config.filter));
    setColumns(view.config.columns);
    setSort(view.config.sort);
  };

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <TextInput
          placeholder={t('crmContacts.toolbar.search')}
          aria-label={t('crmContacts.toolbar.search')}
          leftSection={<IconSearch size={16} />}
          value={filter.q}
          onChange={(e) => setFilter({ ...filter, q: e.currentTarget.value })}
          style={{ flex: '1 1 220px' }}
        />
        <ContactsFilters filter={filter} onChange={setFilter} />
        <ColumnPicker available={available} chosen={columns} onChange={setColumns} />
        <Select
          aria-label={t('crmContacts.sort.label')}
          data={LEAD_SORTS.map((s) => ({ value: s, label: t(`crmContacts.sort.${s}`) }))}
          value={sort}
          onChange={(value) => value && setSort(value as TLeadSort)}
          allowDeselect={false}
          w={170}
        />
        <SavedViewsMenu current={{ columns, filter: leadFilter, sort }} canEdit={canEdit} onPick={pickView} />
      </Group>
      <Group justify="space-between" gap="xs" mih={24}>
        <Group gap="xs">
          <Text size="sm" c="dimmed" aria-live="polite">
            {total == null ? '' : t('crmContacts.toolbar.count', { count: total })}
          </Text>
          {total != null && total > 0 && <ExportButton filter={leadFilter} count={total} />}
        </Group>
        {canEdit && selection.allLoadedSelected && total != null && total > rows.length && (
          <Text size="sm">
            {selection.allMatching
              ? t('crmContacts.selection.allMatching', { count: total })
              : t('crmContacts.selection.loadedSelected', { count: rows.length })}{' '}
            {selection.allMatching ? (
              <Anchor component="button" size="sm" onClick={selection.clear}>
                {t('crmContacts.selection.clear')}
              </Anchor>
            ) : (
              <Anchor component="button" size="sm" onClick={selection.selectAllMatching}>
                {t('crmContacts.selection.selectAllMatching', { count: total })}
              </Anchor>
            )}
          </Text>
        )}
      </Group>
      <QueryState query={pages}>
        {() => (
          <ContactsTable
            rows={rows}
            columns={shown}
            ctx={ctx}
            hasMore={hasNextPage}
            loadingMore={isFetchingNextPage}
            loadMore={loadMore}
            selectable={canEdit}
            isSelected={selection.isSelected}
            toggle={selection.toggle}
            allLoadedSelected={selection.allLoadedSelected}
            someSelected={selection.ids.size > 0}
            toggleAllLoaded={selection.toggleAllLoaded}
            onOpen={(lead) => drawer.open(lead.id)}
            empty={empty}
          />
        )}
      </QueryState>
      {canEdit && selectedCount > 0 && <BulkActionBar target={target} count={selectedCount} onDone={selection.clear} />}
    </Stack>
  );
}
