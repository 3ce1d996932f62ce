import { Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { CONTACT_COLUMNS } from '../../../../contracts/crm-contacts.js';
import type { TCustomField, TLead } from '../../../../contracts/crm.js';
import { leadName } from '../crm-api.js';

// The Contacts table's columns: the lead fields of CONTACT_COLUMNS and `custom.<key>` custom fields.

export type TCellContext = {
  t: TFunction;
  ownerName: (userId: string | null) => string;
  money: (value: number) => string;
  date: (iso: string, withTime?: boolean) => string;
};

export type TColumn = { key: string; label: string; width: number; render: (lead: TLead, ctx: TCellContext) => ReactNode };

export const DEFAULT_COLUMNS = ['name', 'email', 'company', 'status', 'score', 'owner', 'tags', 'created_at'];

const WIDTHS: Record<(typeof CONTACT_COLUMNS)[number], number> = {
  name: 200,
  email: 230,
  phone: 150,
  company: 180,
  job_title: 160,
  status: 130,
  score: 80,
  owner: 160,
  tags: 200,
  estimated_value: 130,
  source: 130,
  created_at: 130,
};

const text = (value: string | null | undefined) => (
  <Text size="sm" truncate="end">
    {value || '—'}
  </Text>
);

function leadCell(key: (typeof CONTACT_COLUMNS)[number], lead: TLead, ctx: TCellContext): ReactNode {
  switch (key) {
    case 'name':
      return (
        <Text size="sm" fw={500} truncate="end">
          {leadName(lead)}
        </Text>
      );
    case 'status':
      return (
        <Badge variant="light" size="sm">
          {ctx.t(`crmBoard.status.${lead.status}`)}
        </Badge>
      );
    case 'score':
      return <Text size="sm">{lead.score}</Text>;
    case 'owner':
      return text(lead.owner_id ? ctx.ownerName(lead.owner_id) : null);
    case 'tags':
      return (
        <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
          {lead.tags.map((tag) => (
            <Badge key={tag} size="xs" variant="outline" style={{ flexShrink: 0 }}>
              {tag}
            </Badge>
          ))}
        </Group>
      );
    case 'estimated_value':
      return text(lead.estimated_value == null ? null : ctx.money(lead.estimated_value));
    case 'created_at':
      return text(ctx.date(lead.created_at, false));
    default:
      return text(lead[key]);
  }
}

function customCell(field: TCustomField, lead: TLead, ctx: TCellContext): ReactNode {
  const value = lead.custom_fields[field.key];
  if (value == null || value === '') return text(null);
  if (field.field_type === 'boolean') return text(value ? ctx.t('crmContacts.drawer.yes') : ctx.t('crmContacts.drawer.no'));
  if (field.field_type === 'date' && typeof value === 'string') return text(ctx.date(value, false));
  return text(String(value));
}

/** Every column the user can choose, lead fields first, then custom fields. */
export function availableColumns(t: TFunction, customFields: TCustomField[]): TColumn[] {
  return [
    ...CONTACT_COLUMNS.map((key) => ({
      key,
      label: t(`crmContacts.columns.${key}`),
      width: WIDTHS[key],
      render: (lead: TLead, ctx: TCellContext) => leadCell(key, lead, ctx),
    })),
    ...customFields.map((field) => ({
      key: `custom.${field.key}`,
      label: field.label,
      width: 160,
      render: (lead: TLead, ctx: TCellContext) => customCell(field, lead, ctx),
    })),
  ];
}
