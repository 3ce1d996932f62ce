import type { TLeadFilter, TLeadSort, TLeadStatus } from '../../../../contracts/crm.js';
import type { TRuleCondition, TRuleGroup } from '../../../../contracts/crm-segments.js';

// The Contacts filters as the user edits them, and their translation to the list endpoint's
// filter (search and status as such, the rest as a segment rule group) and back, for saved views.

export type TContactsFilter = {
  q: string;
  status: TLeadStatus | null;
  tag: string;
  /** A member's user id, 'none' for leads without owner, null for anyone. */
  owner: string | null;
  scoreMin: number | null;
  /** YYYY-MM-DD */
  createdAfter: string;
  /** Rules of a saved view this form cannot show (kept as they are). */
  extraRules: (TRuleGroup | TRuleCondition)[];
};

export const EMPTY_FILTER: TContactsFilter = { q: '', status: null, tag: '', owner: null, scoreMin: null, createdAfter: '', extraRules: [] };

/** The filter in the shape of the API (TLeadFilter): rules only when some are set. */
export function toLeadFilter(filter: TContactsFilter): TLeadFilter {
  const rules: (TRuleGroup | TRuleCondition)[] = [];
  if (filter.tag.trim()) rules.push({ field: 'tags', operator: 'contains', value: filter.tag.trim() });
  if (filter.owner === 'none') rules.push({ field: 'owner', operator: 'is_empty' });
  else if (filter.owner) rules.push({ field: 'owner', operator: 'eq', value: filter.owner });
  if (filter.scoreMin != null) rules.push({ field: 'score', operator: 'gte', value: filter.scoreMin });
  if (filter.createdAfter) rules.push({ field: 'created_at', operator: 'gte', value: filter.createdAfter });
  rules.push(...filter.extraRules);
  return {
    ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(rules.length > 0 ? { rules: { op: 'and', rules } } : {}),
  };
}

/** Reads a saved filter back into the form; rules it cannot show stay in extraRules. */
export function fromLeadFilter(filter: TLeadFilter): TContactsFilter {
  const result: TContactsFilter = { ...EMPTY_FILTER, q: filter.q ?? '', status: filter.status ?? null, extraRules: [] };
  const top = filter.rules;
  const nodes = top && top.op === 'and' ? top.rules : top ? [top] : [];
  for (const node of nodes) {
    if ('op' in node) result.extraRules.push(node);
    else if (node.field === 'tags' && node.operator === 'contains' && typeof node.value === 'string' && !result.tag) result.tag = node.value;
    else if (node.field === 'owner' && node.operator === 'is_empty' && !result.owner) result.owner = 'none';
    else if (node.field === 'owner' && node.operator === 'eq' && typeof node.value === 'string' && !result.owner) result.owner = node.value;
    else if (node.field === 'score' && node.operator === 'gte' && typeof node.value === 'number' && result.scoreMin == null) result.scoreMin = node.value;
    else if (node.field === 'created_at' && node.operator === 'gte' && typeof node.value === 'string' && !result.createdAfter) result.createdAfter = node.value;
    else result.extraRules.push(node);
  }
  return result;
}

/** How many filters are set (for the "Filtres" button's badge). */
export function activeFilterCount(filter: TContactsFilter): number {
  return (
    [filter.status, filter.tag.trim(), filter.owner, filter.scoreMin, filter.createdAfter].filter((v) => v !== null && v !== '').length +
    filter.extraRules.length
  );
}

/** The list endpoint's query string for a filter and a sort (rules travel as JSON). */
export function leadQueryString(filter: TLeadFilter, sort?: TLeadSort): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.status) params.set('status', filter.status);
  if (filter.rules) params.set('rules', JSON.stringify(filter.rules));
  if (filter.segment_id) params.set('segment_id', filter.segment_id);
  if (sort) params.set('sort', sort);
  return params;
}
