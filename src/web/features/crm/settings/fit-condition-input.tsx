import { Group, Input, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRuleCondition, TRuleOperator } from '../../../../contracts/crm-segments.js';
import { operatorsFor, takesNoValue, useSegmentFields } from '../segments/segment-fields.js';
import { ValueInput } from '../segments/value-input.js';

type Props = { value: TRuleCondition; onChange: (condition: TRuleCondition) => void; error?: string; readOnly?: boolean };

// A fit rule tests what the lead is, never its own score (that would feed on itself).
const EXCLUDED_FIELDS = new Set(['score', 'events.score_changed']);

/** One condition of a fit rule: the segment builder's field, operator and value inputs, so both read alike. */
export function FitConditionInput({ value, onChange, error, readOnly }: Props) {
  const { t } = useTranslation();
  const fields = useSegmentFields().filter((f) => !EXCLUDED_FIELDS.has(f.value));
  const field = fields.find((f) => f.value === value.field);
  const groups = [...new Set(fields.map((f) => f.group))].map((group) => ({
    group,
    items: fields.filter((f) => f.group === group).map((f) => ({ value: f.value, label: f.label })),
  }));
  const operatorLabel = (op: string) =>
    field?.kind === 'event' ? t(`crmSegments.eventOperators.${op as 'eq'}`, op) : t(`crmSegments.operators.${op as 'eq'}`, op);
  const changeField = (name: string | null) => {
    const next = fields.find((f) => f.value === name);
    if (next) onChange({ field: next.value, operator: operatorsFor(next)[0]!, value: undefined });
  };
  return (
    <Input.Wrapper label={t('crmSettings.scoring.condition')} error={error} required>
      <Group gap="xs" align="flex-start" wrap="wrap" mt={4}>
        <Select
          aria-label={t('crmSegments.field')}
          size="sm"
          w={{ base: '100%', sm: 200 }}
          data={groups}
          value={value.field}
          onChange={changeField}
          searchable
          readOnly={readOnly}
        />
        <Select
          aria-label={t('crmSegments.operator')}
          size="sm"
          w={{ base: '100%', sm: 180 }}
          data={operatorsFor(field).map((op) => ({ value: op, label: operatorLabel(op) }))}
          value={value.operator}
          onChange={(op) => op && onChange({ ...value, operator: op as TRuleOperator, value: takesNoValue(op as TRuleOperator) ? undefined : value.value })}
          readOnly={readOnly}
        />
        {field && !takesNoValue(value.operator) && (
          <ValueInput field={field} operator={value.operator} value={value.value} onChange={(v) => onChange({ ...value, value: v })} readOnly={readOnly} />
        )}
      </Group>
    </Input.Wrapper>
  );
}
