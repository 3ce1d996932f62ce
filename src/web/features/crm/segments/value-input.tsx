import { NumberInput, Select, TagsInput, TextInput, Group, MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES } from '../../../../contracts/crm.js';
import type { TRuleOperator } from '../../../../contracts/crm-segments.js';
import { useWorkspaceMembers } from '../crm-api.js';
import type { TSegmentField } from './segment-fields.js';

type Props = { field: TSegmentField; operator: TRuleOperator; value: unknown; onChange: (value: unknown) => void; readOnly?: boolean };

/** The value editor of one condition: its shape follows the field's kind and the operator. */
export function ValueInput({ field, operator, value, onChange, readOnly }: Props) {
  const { t } = useTranslation();
  const members = useWorkspaceMembers();
  const label = t('crmSegments.value');
  const common = { 'aria-label': label, readOnly, size: 'sm' as const, w: { base: '100%', sm: 220 } };

  if (operator === 'within_last_days' || field.kind === 'event') {
    return (
      <NumberInput
        {...common}
        min={operator === 'within_last_days' ? 1 : 0}
        suffix={operator === 'within_last_days' ? ` ${t('crmSegments.days')}` : ''}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
      />
    );
  }
  const choices =
    field.kind === 'status'
      ? LEAD_STATUSES.map((s) => ({ value: s, label: t(`crmBoard.status.${s}`) }))
      : field.kind === 'owner'
        ? (members.data ?? []).map((m) => ({ value: m.user_id, label: m.name }))
        : field.kind === 'select'
          ? (field.options ?? []).map((o) => ({ value: o, label: o }))
          : field.kind === 'boolean'
            ? [
                { value: 'true', label: t('crmSegments.yes') },
                { value: 'false', label: t('crmSegments.no') },
              ]
            : null;
  const many = operator === 'in' || operator === 'not_in';

  if (choices && many) {
    return <MultiSelect {...common} data={choices} value={Array.isArray(value) ? value.map(String) : []} onChange={onChange} searchable />;
  }
  if (choices) {
    const current = value === undefined || value === null ? null : String(value);
    return (
      <Select {...common} data={choices} value={current} onChange={(v) => onChange(field.kind === 'boolean' ? v === 'true' : (v ?? undefined))} searchable />
    );
  }
  if (many) {
    const list = Array.isArray(value) ? value.map(String) : [];
    return (
      <TagsInput
        {...common}
        placeholder={t('crmSegments.listPlaceholder')}
        value={list}
        onChange={(items) => onChange(field.kind === 'number' ? items.map(Number).filter(Number.isFinite) : items)}
      />
    );
  }
  if (operator === 'between') {
    const [from, to] = Array.isArray(value) ? value : [];
    const set = (index: 0 | 1, v: unknown) => onChange(index === 0 ? [v, to] : [from, v]);
    return (
      <Group gap={4} wrap="nowrap">
        {[0, 1].map((i) =>
          field.kind === 'number' ? (
            <NumberInput
              key={i}
              aria-label={`${label} ${i + 1}`}
              readOnly={readOnly}
              size="sm"
              w={105}
              value={typeof [from, to][i] === 'number' ? ([from, to][i] as number) : ''}
              onChange={(v) => set(i as 0 | 1, typeof v === 'number' ? v : undefined)}
            />
          ) : (
            <TextInput
              key={i}
              type="date"
              aria-label={`${label} ${i + 1}`}
              readOnly={readOnly}
              size="sm"
              w={140}
              value={String([from, to][i] ?? '')}
              onChange={(e) => set(i as 0 | 1, e.currentTarget.value)}
            />
          ),
        )}
      </Group>
    );
  }
  if (field.kind === 'number') {
    return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : undefined)} />;
  }
  if (field.kind === 'date') {
    return <TextInput {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
  return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
}
