import { Badge, Button, Group, NumberInput, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES, type TLeadStatus } from '../../../../contracts/crm.js';
import { useWorkspaceMembers } from '../crm-api.js';
import { activeFilterCount, EMPTY_FILTER, type TContactsFilter } from './contacts-filter.js';

type Props = { filter: TContactsFilter; onChange: (filter: TContactsFilter) => void };

/** "Filtres": status, tag, owner, minimum score, created after (sent as a segment rule group). */
export function ContactsFilters({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const { data: members = [] } = useWorkspaceMembers();
  const count = activeFilterCount(filter);
  const set = (patch: Partial<TContactsFilter>) => onChange({ ...filter, ...patch });
  return (
    <Popover position="bottom-start" shadow="md" width={300} trapFocus>
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconFilter size={16} />}
          rightSection={
            count > 0 ? (
              <Badge size="xs" circle>
                {count}
              </Badge>
            ) : undefined
          }
        >
          {t('crmContacts.toolbar.filters')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Select
            label={t('crmContacts.filters.status')}
            placeholder={t('crmContacts.filters.anyStatus')}
            data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`crmBoard.status.${s}`) }))}
            value={filter.status}
            onChange={(value) => set({ status: (value as TLeadStatus | null) ?? null })}
            clearable
            comboboxProps={{ withinPortal: false }}
          />
          <TextInput label={t('crmContacts.filters.tag')} value={filter.tag} onChange={(e) => set({ tag: e.currentTarget.value })} />
          <Select
            label={t('crmContacts.filters.owner')}
            placeholder={t('crmContacts.filters.anyOwner')}
            data={[{ value: 'none', label: t('crmContacts.filters.noOwner') }, ...members.map((m) => ({ value: m.user_id, label: m.name }))]}
            value={filter.owner}
            onChange={(value) => set({ owner: value })}
            clearable
            comboboxProps={{ withinPortal: false }}
          />
          <NumberInput
            label={t('crmContacts.filters.scoreMin')}
            value={filter.scoreMin ?? ''}
            onChange={(value) => set({ scoreMin: typeof value === 'number' ? value : null })}
            allowDecimal={false}
          />
          <TextInput
            type="date"
            label={t('crmContacts.filters.createdAfter')}
            value={filter.createdAfter}
            onChange={(e) => set({ createdAfter: e.currentTarget.value })}
          />
          {filter.extraRules.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('crmContacts.filters.advanced', { count: filter.extraRules.length })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="subtle" size="xs" onClick={() => onChange({ ...EMPTY_FILTER, q: filter.q })} disabled={count === 0}>
              {t('crmContacts.filters.clear')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
