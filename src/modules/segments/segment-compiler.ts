import { containsPattern } from '../../platform/db/like-pattern.js';
import { sql, type SQL } from 'drizzle-orm';
import { isCalendarDate } from '../../contracts/common.js';
import { LEAD_STATUSES } from '../../contracts/crm.js';
import {
  isRuleGroup,
  SEGMENT_LEAD_FIELDS,
  SEGMENT_EVENT_OPERATORS,
  SEGMENT_EVENT_TYPES,
  SEGMENT_OPERATORS_BY_KIND,
  type TRuleCondition,
  type TRuleGroup,
  type TSegmentFieldKind,
  type TSegmentLeadField,
} from '../../contracts/crm-segments.js';
import type { Tenant } from '../../platform/db/tenant.js';
import { AppError, type TFieldError } from '../../platform/errors.js';
import { customFieldDefinitions, leadEvents, leads } from '../crm/tables.js';

type TCustomFieldRow = typeof customFieldDefinitions.$inferSelect;

// Compiles a segment rule tree to one SQL condition on `leads`. Every value travels as a bind
// parameter (drizzle's sql`` turns each ${value} into $n); only column names chosen from the
// fixed tables below are ever part of the SQL text. A bad node is a 400 naming its path.

const MAX_DEPTH = 6;
const MAX_CONDITIONS = 200;
const MAX_LIST = 500;
/** PostgreSQL integer range (the score column): 1e20 failed the cast with a 500. */
const MAX_INTEGER = 2_147_483_647;
/**
 * A real YYYY-MM-DD day (month lengths, leap years, no year 0000), so a guarded `::date` never fails.
 * PostgreSQL's regular expressions (AREs) support the lookahead.
 */
const CALENDAR_DATE_PATTERN =
  '^(?!0000)(\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\\d|2[0-8])|\\d{4}-(0[13-9]|1[0-2])-(29|30)|\\d{4}-(0[13578]|1[02])-31|(\\d{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)$';

type TKind = TSegmentFieldKind;
const OPERATORS = SEGMENT_OPERATORS_BY_KIND;
const EVENT_OPERATORS = SEGMENT_EVENT_OPERATORS;

type TColumn = { kind: TKind; expr: SQL; integer?: boolean };

/** The SQL each of the lead's own fields reads (their kinds are in the contract). */
const LEAD_COLUMNS: Record<TSegmentLeadField, SQL> = {
  first_name: sql`${leads.first_name}`,
  last_name: sql`${leads.last_name}`,
  email: sql`${leads.email}`,
  phone: sql`${leads.phone}`,
  company: sql`${leads.company}`,
  job_title: sql`${leads.job_title}`,
  status: sql`${leads.status}`,
  score: sql`${leads.score}`,
  source: sql`${leads.source}`,
  source_url: sql`${leads.source_url}`,
  estimated_value: sql`${leads.estimated_value}`,
  tags: sql`${leads.tags}`,
  notes: sql`${leads.notes}`,
  owner: sql`${leads.owner_id}`,
  created_at: sql`${leads.created_at}`,
  updated_at: sql`${leads.updated_at}`,
  utm_source: sql`${leads.utm_source}`,
  utm_medium: sql`${leads.utm_medium}`,
  utm_campaign: sql`${leads.utm_campaign}`,
  utm_term: sql`${leads.utm_term}`,
  utm_content: sql`${leads.utm_content}`,
  lost_reason: sql`${leads.lost_reason}`,
  unsubscribed: sql`(${leads.unsubscribed_at} is not null)`,
};

/** Compiles a rule tree for the tenant's leads (loads its custom field definitions). */
export async function compileLeadRules(tenant: Tenant, rules: TRuleGroup, path = 'body.rules'): Promise<SQL> {
  const definitions = usesCustomFields(rules) ? await customFieldsByKey(tenant) : new Map<string, TCustomFieldRow>();
  return compileRuleTree(rules, definitions, path);
}

/** Compiles a rule tree with known custom field definitions; throws one 400 listing every bad node. */
export function compileRuleTree(rules: TRuleGroup, definitions: Map<string, TCustomFieldRow>, path = 'body.rules'): SQL {
  const compiler = new Compiler(definitions);
  const compiled = compiler.group(rules, path, 1);
  if (compiler.errors.length > 0) {
    throw new AppError('bad_request', `Invalid segment rules: ${compiler.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, {
      errors: compiler.errors,
    });
  }
  return compiler.withEventCounts(compiled);
}

function usesCustomFields(group: TRuleGroup): boolean {
  return group.rules.some((node) => (isRuleGroup(node) ? usesCustomFields(node) : node.field.startsWith('custom.')));
}

class Compiler {
  readonly errors: TFieldError[] = [];
  private conditions = 0;
  /** One count per distinct (event type, data, period) the tree tests, by key; `ev.c<n>` in the tree. */
  private readonly eventCounts = new Map<string, { column: string; filter: SQL; eventType: string }>();

  constructor(private readonly definitions: Map<string, TCustomFieldRow>) {}

  /**
   * Every `events.*` condition reads a column of ONE aggregate row per lead: a single pass over the
   * lead's events (index on workspace_id, lead_id) computes each count with a FILTER, however many
   * conditions there are. Compiled as one subquery per condition instead, 200 conditions were 200
   * scans of the events per lead, and a preview on 50,000 leads ran for minutes. An aggregate without
   * GROUP BY returns exactly one row (counts 0 when the lead has no event), so `exists (… where tree)`
   * is true exactly when the tree is.
   */
  withEventCounts(tree: SQL): SQL {
    if (this.eventCounts.size === 0) return tree;
    const counts = [...this.eventCounts.values()];
    const columns = sql.join(
      counts.map((c) => sql`count(*) filter (where ${c.filter}) as ${sql.identifier(c.column)}`),
      sql`, `,
    );
    const types = sql.join(
      [...new Set(counts.map((c) => c.eventType))].map((t) => sql`${t}`),
      sql`, `,
    );
    return sql`exists (select 1 from (select ${columns} from ${leadEvents} e where e.workspace_id = ${leads.workspace_id} and e.lead_id = ${leads.id} and e.event_type in (${types})) ev where ${tree})`;
  }

  /** The `ev.c<n>` column counting the lead's events of this type (and data, and period). */
  private eventCount(eventType: string, data: Record<string, unknown> | undefined, days: number | undefined): SQL {
    if (eventType === 'imported') return importedCount(data, days);
    const key = JSON.stringify([eventType, data ?? null, days ?? null]);
    let entry = this.eventCounts.get(key);
    if (!entry) {
      const filters = [sql`e.event_type = ${eventType}`];
      if (data) filters.push(sql`e.data @> ${JSON.stringify(data)}::jsonb`);
      if (days !== undefined) filters.push(sql`e.occurred_at >= now() - make_interval(days => ${days})`);
      entry = { column: `c${this.eventCounts.size + 1}`, filter: sql.join(filters, sql` and `), eventType };
      this.eventCounts.set(key, entry);
    }
    return sql`ev.${sql.identifier(entry.column)}`;
  }

  group(group: TRuleGroup, path: string, depth: number): SQL {
    if (depth > MAX_DEPTH) return this.fail(path, `groups nest ${MAX_DEPTH} levels deep at most`);
    // An empty group matches every lead ("all leads"), whatever its operator.
    if (group.rules.length === 0) return sql`true`;
    const parts = group.rules.map((node, i) =>
      isRuleGroup(node) ? this.group(node, `${path}.rules.${i}`, depth + 1) : this.condition(node, `${path}.rules.${i}`),
    );
    return sql`(${sql.join(parts, group.op === 'and' ? sql` and ` : sql` or `)})`;
  }

  private condition(rule: TRuleCondition, path: string): SQL {
    if (++this.conditions > MAX_CONDITIONS) return this.fail(path, `a segment has ${MAX_CONDITIONS} conditions at most`);
    if (rule.field.startsWith('events.')) return this.eventCondition(rule, path);
    const column = this.column(rule.field);
    if (!column) return this.fail(`${path}.field`, `unknown field "${rule.field}"`);
    if (rule.data) return this.fail(`${path}.data`, 'only event conditions take data');
    if (!OPERATORS[column.kind].includes(rule.operator)) {
      return this.fail(`${path}.operator`, `"${rule.operator}" does not apply to ${rule.field} (use ${OPERATORS[column.kind].join(', ')})`);
    }
    return this.compare(column, rule, path);
  }

  private column(field: string): TColumn | undefined {
    if (field.startsWith('custom.')) {
      const definition = this.definitions.get(field.slice('custom.'.length));
      if (!definition) return undefined;
      const key = definition.key;
      const text = sql`(${leads.custom_fields} ->> ${key}::text)`;
      const type = sql`jsonb_typeof(${leads.custom_fields} -> ${key}::text)`;
      // Casts are guarded: a value stored before validation existed (or by hand) that is not a real
      // number, day or boolean reads as empty instead of failing every filter of the workspace.
      switch (definition.field_type) {
        case 'number':
          return { kind: 'number', expr: sql`(case when ${type} = 'number' then (${text})::numeric end)` };
        case 'date':
          return { kind: 'date', expr: sql`(case when ${text} ~ ${CALENDAR_DATE_PATTERN} then (${text})::date end)` };
        case 'boolean':
          return { kind: 'boolean', expr: sql`(case when ${type} = 'boolean' then (${text})::boolean end)` };
        case 'select':
          return { kind: 'select', expr: text };
        case 'text':
          return { kind: 'text', expr: text };
      }
    }
    if (!Object.hasOwn(LEAD_COLUMNS, field)) return undefined;
    return { kind: SEGMENT_LEAD_FIELDS[field as TSegmentLeadField], expr: LEAD_COLUMNS[field as TSegmentLeadField], integer: field === 'score' };
  }

  private compare({ kind, expr, integer }: TColumn, rule: TRuleCondition, path: string): SQL {
    const valuePath = `${path}.value`;
    const { operator } = rule;
    if (operator === 'is_empty' || operator === 'is_not_empty') {
      const empty = kind === 'tags' ? sql`cardinality(${expr}) = 0` : kind === 'text' ? sql`coalesce(${expr}, '') = ''` : sql`${expr} is null`;
      return operator === 'is_empty' ? empty : sql`not (${empty})`;
    }
    if (operator === 'within_last_days') {
      const days = this.integer(rule.value, valuePath, 1, 36_500);
      return sql`${expr} >= now() - make_interval(days => ${days})`;
    }
    if (kind === 'tags') {
      const tags = operator === 'in' || operator === 'not_in' ? this.list(rule.value, valuePath, 'text') : [this.text(rule.value, valuePath)];
      const has = sql`${expr} && ${pgTextArray(tags as string[])}`;
      return operator === 'neq' || operator === 'not_contains' || operator === 'not_in' ? sql`not (${has})` : has;
    }
    if (operator === 'contains' || operator === 'not_contains') {
      const pattern = containsPattern(this.text(rule.value, valuePath));
      return operator === 'contains' ? sql`${expr} ilike ${pattern}` : sql`coalesce(${expr}, '') not ilike ${pattern}`;
    }
    const valueKind = kind === 'select' || kind === 'status' || kind === 'owner' ? 'text' : kind;
    if (operator === 'in' || operator === 'not_in') {
      const values = this.list(rule.value, valuePath, valueKind, kind);
      const list = sql.join(
        values.map((v) => this.literal(kind, v)),
        sql`, `,
      );
      const lhs = kind === 'text' ? sql`lower(${expr})` : expr;
      return operator === 'in' ? sql`${lhs} in (${list})` : sql`(${expr} is null or ${lhs} not in (${list}))`;
    }
    if (operator === 'between') {
      const bounds = this.list(rule.value, valuePath, valueKind);
      if (bounds.length !== 2) return this.fail(valuePath, 'must be [from, to]');
      const [from, to] = bounds.map((v) => this.literal(kind, v));
      return kind === 'date' ? sql`(${expr} >= ${from} and ${expr} < ${this.dayAfter(bounds[1]!)})` : sql`${expr} between ${from} and ${to}`;
    }
    const value = this.scalar(rule.value, valuePath, valueKind, kind);
    if (value === undefined) return sql`false`;
    // An integer column compared with a numeric parameter would be cast row by row (and lose its index).
    if (integer && !(Number.isInteger(value) && Math.abs(value as number) <= MAX_INTEGER)) {
      return this.fail(valuePath, `must be a whole number from -${MAX_INTEGER} to ${MAX_INTEGER}`);
    }
    const rhs = integer ? sql`${value}::integer` : this.literal(kind, value);
    const lhs = kind === 'text' ? sql`lower(${expr})` : expr;
    switch (operator) {
      case 'eq':
        // A date equals a day: from its midnight to the next one.
        return kind === 'date' ? sql`(${expr} >= ${rhs} and ${expr} < ${this.dayAfter(value)})` : sql`${lhs} = ${rhs}`;
      case 'neq':
        return sql`(${expr} is null or ${lhs} <> ${rhs})`;
      case 'gt':
        return kind === 'date' ? sql`${expr} >= ${this.dayAfter(value)}` : sql`${expr} > ${rhs}`;
      case 'gte':
        return sql`${expr} >= ${rhs}`;
      case 'lt':
        return sql`${expr} < ${rhs}`;
      default:
        return kind === 'date' ? sql`${expr} < ${this.dayAfter(value)}` : sql`${expr} <= ${rhs}`;
    }
  }

  private eventCondition(rule: TRuleCondition, path: string): SQL {
    const eventType = rule.field.slice('events.'.length);
    if (!/^[a-z][a-z0-9_.]{0,79}$/.test(eventType)) return this.fail(`${path}.field`, 'must be events.<event type>, e.g. events.email_opened');
    // Only the types the lead-event registry lets segments test (contracts/lead-events.ts).
    if (!(SEGMENT_EVENT_TYPES as readonly string[]).includes(eventType)) {
      return this.fail(`${path}.field`, `no event type "${eventType}" can be tested (known: ${SEGMENT_EVENT_TYPES.join(', ')})`);
    }
    if (!EVENT_OPERATORS.includes(rule.operator)) {
      return this.fail(`${path}.operator`, `"${rule.operator}" does not apply to events (use ${EVENT_OPERATORS.join(', ')})`);
    }
    switch (rule.operator) {
      case 'is_not_empty':
        return sql`${this.eventCount(eventType, rule.data, undefined)} > 0`;
      case 'is_empty':
        return sql`${this.eventCount(eventType, rule.data, undefined)} = 0`;
      case 'within_last_days': {
        const days = this.integer(rule.value, `${path}.value`, 1, 36_500);
        return sql`${this.eventCount(eventType, rule.data, days)} > 0`;
      }
      default: {
        const count = this.integer(rule.value, `${path}.value`, 0, 1_000_000);
        const op = { eq: sql`=`, gt: sql`>`, gte: sql`>=`, lt: sql`<`, lte: sql`<=` }[rule.operator as 'eq'];
        return sql`${this.eventCount(eventType, rule.data, undefined)} ${op} ${count}`;
      }
    }
  }

  /** A bound parameter typed for the column's kind (so PostgreSQL compares like with like). */
  private literal(kind: TKind, value: string | number | boolean): SQL {
    switch (kind) {
      case 'number':
        return sql`${value}::numeric`;
      case 'date':
        return sql`${value}::date`;
      case 'boolean':
        return sql`${value}::boolean`;
      case 'owner':
        return sql`${value}::uuid`;
      case 'text':
        return sql`lower(${value})`;
      default:
        return sql`${value}`;
    }
  }

  private dayAfter(day: string | number | boolean): SQL {
    return sql`(${day}::date + 1)`;
  }

  private scalar(value: unknown, path: string, valueKind: TKind, kind?: TKind): string | number | boolean | undefined {
    switch (valueKind) {
      case 'number':
        if (typeof value === 'number' && Number.isFinite(value)) return value;
        return void this.fail(path, 'must be a number');
      case 'boolean':
        if (typeof value === 'boolean') return value;
        return void this.fail(path, 'must be true or false');
      case 'date':
        // A real calendar day: 2024-02-30 or 0000-01-01 reached PostgreSQL and failed there (500).
        if (typeof value === 'string' && isCalendarDate(value.slice(0, 10)) && (value.length === 10 || !Number.isNaN(Date.parse(value)))) {
          return value.slice(0, 10);
        }
        return void this.fail(path, 'must be a real date (YYYY-MM-DD)');
      default: {
        const text = this.text(value, path);
        if (kind === 'status' && !(LEAD_STATUSES as readonly string[]).includes(text))
          return void this.fail(path, `must be one of: ${LEAD_STATUSES.join(', ')}`);
        if (kind === 'owner' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return void this.fail(path, 'must be a user id');
        return text;
      }
    }
  }

  private list(value: unknown, path: string, valueKind: TKind, kind?: TKind): (string | number | boolean)[] {
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST) {
      this.fail(path, `must be a list of 1 to ${MAX_LIST} values`);
      return [];
    }
    return value.map((item, i) => this.scalar(item, `${path}.${i}`, valueKind, kind)).filter((v) => v !== undefined);
  }

  private text(value: unknown, path: string): string {
    if (typeof value === 'string' && value.includes('\u0000')) {
      this.fail(path, 'must not contain a NUL character');
      return '';
    }
    if (typeof value === 'string' && value.length > 0 && value.length <= 500) return value;
    if (typeof value === 'number') return String(value);
    this.fail(path, 'must be a text of 1 to 500 characters');
    return '';
  }

  private integer(value: unknown, path: string, min: number, max: number): number {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.fail(path, `must be a whole number from ${min} to ${max}`);
    return min;
  }

  private fail(path: string, message: string): SQL {
    this.errors.push({ path, message });
    return sql`false`;
  }
}

/**
 * `events.imported` reads leads.import_id (an import writes no event row per lead; migration 0017 moved the
 * old rows there): 1 for a lead an import created (with that import's id when `data` names one, and created
 * within the period), else 0, like the count of its `imported` events was.
 */
function importedCount(data: Record<string, unknown> | undefined, days: number | undefined): SQL {
  const filters = [sql`${leads.import_id} is not null`];
  if (data) filters.push(sql`jsonb_build_object('import_id', ${leads.import_id}) @> ${JSON.stringify(data)}::jsonb`);
  if (days !== undefined) filters.push(sql`${leads.created_at} >= now() - make_interval(days => ${days})`);
  return sql`(case when ${sql.join(filters, sql` and `)} then 1 else 0 end)`;
}

/** A text[] parameter (one bind value, never spliced). */
function pgTextArray(values: string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;
}

/** The workspace's custom field definitions by key (read from the CRM's table: the CRM module builds on this one). */
async function customFieldsByKey(tenant: Tenant): Promise<Map<string, TCustomFieldRow>> {
  const rows = await tenant.db.select().from(customFieldDefinitions).where(tenant.where(customFieldDefinitions));
  return new Map(rows.map((row) => [row.key, row]));
}
