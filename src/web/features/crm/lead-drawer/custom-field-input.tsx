import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import type { TCustomField } from '../../../../contracts/crm.js';

type Props = { field: TCustomField; value: unknown; onChange: (value: unknown) => void; error?: string; disabled: boolean };

/** The input for one custom field, by its type; an empty input means "no value" (null). */
export function CustomFieldInput({ field, value, onChange, error, disabled }: Props) {
  const common = { label: field.label, error, disabled };
  switch (field.field_type) {
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
    case 'date':
      return <TextInput {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    case 'select':
      return <Select {...common} data={field.options} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} clearable />;
    case 'boolean':
      return (
        <Checkbox label={field.label} error={error} disabled={disabled} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} mt="md" />
      );
    default:
      return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || null)} />;
  }
}
