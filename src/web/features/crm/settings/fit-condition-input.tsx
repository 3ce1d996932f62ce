import { Group, Input } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRuleCondition } from '../../../../contracts/crm-segments.js';
import { useSegmentFields } from '../segments/segment-fields.js';
import { ConditionInputs } from '../segments/condition-inputs.js';

type Props = { value: TRuleCondition; onChange: (condition: TRuleCondition) => void; error?: string; readOnly?: boolean };

// A fit rule tests what the lead is, never its own score (that would feed on itself).
const EXCLUDED_FIELDS = new Set(['score', 'events.score_changed']);

/** One condition of a fit rule: the segment builder's field, operator and value inputs, so both read alike. */
export function FitConditionInput({ value, onChange, error, readOnly }: Props) {
  const { t } = useTranslation();
  const fields = useSegmentFields().filter((f) => !EXCLUDED_FIELDS.has(f.value));
  return (
    <Input.Wrapper label={t('crmSettings.scoring.condition')} error={error} required>
      <Group gap="xs" align="flex-start" wrap="wrap" mt={4}>
        <ConditionInputs condition={value} onChange={onChange} fields={fields} readOnly={readOnly} />
      </Group>
    </Input.Wrapper>
  );
}
