import { useTranslation } from 'react-i18next';
import {
  SEGMENT_EVENT_OPERATORS,
  SEGMENT_EVENT_TYPES,
  SEGMENT_LEAD_FIELDS,
  SEGMENT_OPERATORS_BY_KIND,
  type TRuleOperator,
  type TSegmentFieldKind,
} from '../../../../contracts/crm-segments.js';
import { useCustomFields } from '../crm-api.js';

/** A field the builder offers: its rule name (`company`, `custom.budget`, `events.email_opened`), label and kind. */
export type TSegmentField = { value: string; label: string; group: string; kind: TSegmentFieldKind | 'event'; options?: string[] };

/** Every field a condition can test: the lead's own, the workspace's custom fields, and events. */
export function useSegmentFields(): TSegmentField[] {
  const { t } = useTranslation();
  const customFields = useCustomFields();
  const own = Object.entries(SEGMENT_LEAD_FIELDS).map(([field, kind]) => ({
    value: field,
    label: t(`crmSegments.fields.${field as keyof typeof SEGMENT_LEAD_FIELDS}`),
    group: t('crmSegments.groups.lead'),
    kind,
  }));
  const custom = (customFields.data ?? []).map((field) => ({
    value: `custom.${field.key}`,
    label: field.label,
    group: t('crmSegments.groups.custom'),
    kind: field.field_type === 'select' ? ('select' as const) : field.field_type,
    options: field.options,
  }));
  const events = SEGMENT_EVENT_TYPES.map((type) => ({
    value: `events.${type}`,
    label: t(`crmSegments.events.${type}`),
    group: t('crmSegments.groups.events'),
    kind: 'event' as const,
  }));
  return [...own, ...custom, ...events];
}

/** The operators a field accepts, in the order the server lists them. */
export function operatorsFor(field: TSegmentField | undefined): readonly TRuleOperator[] {
  if (!field) return [];
  return field.kind === 'event' ? SEGMENT_EVENT_OPERATORS : SEGMENT_OPERATORS_BY_KIND[field.kind];
}

/** True when the operator needs no value (is_empty, is_not_empty). */
export function takesNoValue(operator: TRuleOperator): boolean {
  return operator === 'is_empty' || operator === 'is_not_empty';
}
