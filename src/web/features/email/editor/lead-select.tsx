import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLead } from '../../../../contracts/crm.js';
import { api } from '../../../lib/api.js';
import { leadName } from '../../crm/crm-api.js';

type Props = {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  /** What an empty choice means; the preview's "a made-up lead" by default. */
  placeholder?: string;
  error?: string;
};

/** Picks a lead by name, email or company (the server's search, ten at a time); empty: a made-up lead. */
export function LeadSelect({ value, onChange, label, placeholder, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<TLead | null>(null);
  const leads = useQuery({
    queryKey: ['leads', 'search', query],
    queryFn: () => api.get<{ items: TLead[] }>(`/api/marketing/leads?${new URLSearchParams({ q: query, limit: '10' })}`),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = leads.data?.items ?? [];
  const options = [...(chosen && !items.some((lead) => lead.id === chosen.id) ? [chosen] : []), ...items].map((lead) => ({
    value: lead.id,
    label: lead.email && leadName(lead) !== lead.email ? `${leadName(lead)} · ${lead.email}` : leadName(lead),
  }));
  return (
    <Select
      label={label}
      placeholder={placeholder ?? t('emailEditor.preview.leadPlaceholder')}
      error={error}
      data={options}
      value={value}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('emailEditor.preview.noLead')}
      filter={({ options: all }) => all}
      onChange={(id) => {
        setChosen(items.find((lead) => lead.id === id) ?? chosen);
        onChange(id);
      }}
      comboboxProps={{ withinPortal: true }}
      style={{ flex: 1, minWidth: 220 }}
    />
  );
}
