import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRuleCondition, TRuleOperator } from '../../../../contracts/crm-segments.js';
import { operatorsFor, takesNoValue, type TSegmentField } from './segment-fields.js';
import { ValueInput } from './value-input.js';

type Props = { condition: TRuleCondition; onChange: (condition: TRuleCondition) => void; fields: TSegmentField[]; readOnly?: boolean };

/**
 * The field, operator and value inputs of one condition, laid out by the caller's Group: the segment builder's rows
 * and a fit rule's condition read alike. Changing the field resets the operator; an operator without a value drops it.
 */
export function ConditionInputs({ condition, onChange, fields, readOnly }: Props) {
  const { t } = useTranslation();
  const field = fields.find((f) => f.value === condition.field);
  const groups = [...new Set(fields.map((f) => f.group))].map((group) => ({
    group,
    items: fields.filter((f) => f.group === group).map((f) => ({ value: f.value, label: f.label })),
  }));
  const changeField = (name: string | null) => {
    const next = fields.find((f) => f.value === name);
    if (next) onChange({ field: next.value, operator: operatorsFor(next)[0]!, value: undefined });
  };
  const operatorLabel = (op: string) => t(field?.kind === 'event' ? `crmSegments.eventOperators.${op}` : `crmSegments.operators.${op}`, op);
  return (
    <>
      <Select
        aria-label={t('crmSegments.field')}
        size="sm"
        w={{ base: '100%', sm: 210 }}
        data={groups}
        value={condition.field}
        onChange={changeField}
        searchable
        readOnly={readOnly}
      />
      <Select
        aria-label={t('crmSegments.operator')}
        size="sm"
        w={{ base: '100%', sm: 190 }}
        data={operatorsFor(field).map((op) => ({ value: op, label: operatorLabel(op) }))}
        value={condition.operator}
        onChange={(op) =>
          op && onChange({ ...condition, operator: op as TRuleOperator, value: takesNoValue(op as TRuleOperator) ? undefined : condition.value })
        }
        readOnly={readOnly}
      />
      {field && !takesNoValue(condition.operator) && (
        <ValueInput
          field={field}
          operator={condition.operator}
          value={condition.value}
          onChange={(v) => onChange({ ...condition, value: v })}
          readOnly={readOnly}
        />
      )}
    </>
  );
}
