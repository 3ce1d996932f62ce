import { CUSTOM_FIELD_PREFIX, IMPORT_LEAD_FIELDS, type TImportLeadField, type TImportMapping } from '../../../contracts/crm-imports.js';
import { LEAD_STATUSES, ZLeadCreateBody, type TLeadCreateBody, type TLeadStatus } from '../../../contracts/crm.js';
import { AppError, type TFieldError } from '../../../platform/errors.js';
import { validateCustomFields, type TCustomFieldRow } from '../custom-fields/custom-fields.service.js';
import { parseLocaleNumber } from './lead-import-csv.js';
import { reasonOfIssue, type TReasonWithText } from './import-reasons.js';

// From a CSV row to a lead: which column fills which field, and the checks the API makes on a lead.

export type TImportColumn =
  | { index: number; header: string; kind: 'field'; field: TImportLeadField }
  | { index: number; header: string; kind: 'custom'; key: string; definition: TCustomFieldRow };

/** The lead's fields from one CSV row, validated like POST /api/marketing/leads validates them. */
export type TImportedLead = Omit<TLeadCreateBody, 'custom_fields'> & { custom_fields?: Record<string, unknown> };

/** A refused row: its reasons as codes (translated by the web app and the report) and in English (`reason`). */
export type TRowResult = { ok: true; lead: TImportedLead } | { ok: false; reason: string; reasons: TReasonWithText[] };

/** The members a row's owner_id may name: by user id, and by their email for convenience. */
export type TOwners = { ids: Set<string>; byEmail: Map<string, string> };

const FIELDS = new Set<string>(IMPORT_LEAD_FIELDS);

/**
 * Checks a mapping against the file's header line and the workspace's custom fields: each mapped
 * column exists once, each target is a known field, no field is filled by two columns. Throws one
 * 400 naming every bad entry (`mapping.<column>`).
 */
export function planColumns(headers: string[], mapping: TImportMapping, definitions: Map<string, TCustomFieldRow>): TImportColumn[] {
  const errors: TFieldError[] = [];
  const columns: TImportColumn[] = [];
  const takenBy = new Map<string, string>();
  for (const [header, rawTarget] of Object.entries(mapping)) {
    const target = rawTarget.trim();
    if (target === '') continue;
    const path = `mapping.${header}`;
    const index = headers.indexOf(header);
    if (index < 0) {
      errors.push({ path, message: `"${header}" is not a column of the file` });
      continue;
    }
    if (headers.indexOf(header, index + 1) >= 0) {
      errors.push({ path, message: `the file has several columns named "${header}"` });
      continue;
    }
    const previous = takenBy.get(target);
    if (previous !== undefined) {
      errors.push({ path, message: `"${target}" is already filled by the column "${previous}"` });
      continue;
    }
    if (target.startsWith(CUSTOM_FIELD_PREFIX)) {
      const key = target.slice(CUSTOM_FIELD_PREFIX.length);
      const definition = definitions.get(key);
      if (!definition) errors.push({ path, message: `the custom field "${key}" does not exist` });
      else columns.push({ index, header, kind: 'custom', key, definition });
    } else if (FIELDS.has(target)) {
      columns.push({ index, header, kind: 'field', field: target as TImportLeadField });
    } else {
      errors.push({ path, message: `"${target}" is not a lead field (${IMPORT_LEAD_FIELDS.join(', ')}, or custom.<key>)` });
    }
    takenBy.set(target, header);
  }
  if (errors.length === 0 && columns.length === 0) errors.push({ path: 'mapping', message: 'map at least one column to a lead field', code: 'mapping_empty' });
  if (errors.length > 0) throw new AppError('bad_request', `Invalid mapping: ${errors.map((e) => e.message).join('; ')}`, { errors });
  // File order, so a row's reasons read left to right like the spreadsheet.
  return columns.sort((a, b) => a.index - b.index);
}

/** Turns one CSV row into a lead, or the reasons it cannot be imported (`invalid_format` on email…). */
export function rowToLead(cells: string[], columns: TImportColumn[], definitions: Map<string, TCustomFieldRow>, owners: TOwners): TRowResult {
  const body: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  const reasons: TReasonWithText[] = [];
  // csvRecords turned NUL bytes into U+FFFD: a damaged row is refused alone, the file goes on.
  if (cells.some((cell) => cell.includes('\uFFFD')))
    return refused([{ code: 'unreadable_row', message: 'the row contains a NUL byte or an unreadable character' }]);
  for (const column of columns) {
    const value = (cells[column.index] ?? '').trim();
    // An empty cell sets nothing (and, on update, keeps the lead's current value).
    if (value === '') continue;
    if (column.kind === 'custom') custom[column.key] = customValue(column.definition, value);
    else if (column.field === 'estimated_value') {
      const amount = parseLocaleNumber(value);
      if (amount === null) reasons.push({ code: 'not_a_number', field: 'estimated_value', message: 'estimated_value: must be a number (e.g. 1 200,50)' });
      else body.estimated_value = amount;
    } else if (column.field === 'tags')
      body.tags = value
        .split(/[,|]/)
        .map((tag) => tag.trim())
        .filter(Boolean);
    else if (column.field === 'status') {
      const status = statusOf(value);
      if (status) body.status = status;
      else
        reasons.push({
          code: 'unknown_status',
          field: 'status',
          params: { value },
          message: `status: "${value}" is not a status (${LEAD_STATUSES.join(', ')}, or their French names)`,
        });
    } else if (column.field === 'owner_id') {
      const owner = value.includes('@') ? owners.byEmail.get(value.toLowerCase()) : value;
      if (owner && owners.ids.has(owner)) body.owner_id = owner;
      else reasons.push({ code: 'not_a_member', field: 'owner_id', message: 'owner_id: not a member of this workspace' });
    } else body[column.field] = value;
  }
  const parsed = ZLeadCreateBody.safeParse(body);
  if (!parsed.success) reasons.push(...parsed.error.issues.map(reasonOfIssue));
  let customFields: Record<string, unknown> | undefined;
  if (Object.keys(custom).length > 0) {
    try {
      customFields = validateCustomFields(definitions, custom, 'custom');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      reasons.push(...(error.errors ?? []).map((e) => customReason(e, definitions)));
    }
  }
  if (reasons.length > 0 || !parsed.success) return refused(reasons);
  const lead: TImportedLead = { ...parsed.data };
  if (lead.email) lead.email = lead.email.toLowerCase();
  if (lead.tags) lead.tags = [...new Set(lead.tags)];
  if (customFields) lead.custom_fields = customFields;
  return { ok: true, lead };
}

function refused(reasons: TReasonWithText[]): TRowResult {
  return { ok: false, reason: reasons.map((r) => r.message).join('; '), reasons };
}

/** A custom field's error (path `custom.<key>`) as a reason: the code says what the field's type expects. */
function customReason(error: TFieldError, definitions: Map<string, TCustomFieldRow>): TReasonWithText {
  const message = `${error.path}: ${error.message}`;
  const field = error.path;
  const definition = definitions.get(field.slice(CUSTOM_FIELD_PREFIX.length));
  if (!definition) return { code: 'unknown_custom_field', field, message };
  switch (definition.field_type) {
    case 'number':
      return { code: 'not_a_number', field, message };
    case 'boolean':
      return { code: 'not_a_boolean', field, message };
    case 'date':
      return { code: 'not_a_date', field, message };
    case 'select':
      return { code: 'not_an_option', field, params: { options: definition.options }, message };
    case 'text':
      return { code: 'text_too_long', field, params: { maximum: 2000 }, message };
  }
}

const STATUS_LABELS: Record<string, TLeadStatus> = {
  nouveau: 'new',
  contacte: 'contacted',
  qualifie: 'qualified',
  proposition: 'proposal',
  negociation: 'negotiation',
  gagne: 'won',
  perdu: 'lost',
  new: 'new',
  contacted: 'contacted',
  qualified: 'qualified',
  proposal: 'proposal',
  negotiation: 'negotiation',
  won: 'won',
  lost: 'lost',
};

/** A status given by its code or its French or English label ("Gagné", "won"). */
function statusOf(value: string): TLeadStatus | undefined {
  return STATUS_LABELS[fold(value)];
}

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  oui: true,
  non: false,
  vrai: true,
  faux: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
  x: true,
};

/** A cell converted to what a custom field of that type stores; left as text when it does not convert, so validation names it. */
function customValue(definition: TCustomFieldRow, value: string): unknown {
  switch (definition.field_type) {
    case 'number':
      return parseLocaleNumber(value) ?? value;
    case 'boolean':
      return BOOLEANS[fold(value)] ?? value;
    case 'date': {
      // French order (31/12/2026, 31-12-2026, 31.12.2026) or ISO.
      const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
      return french ? `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}` : value;
    }
    default:
      return value;
  }
}

/** Lower case without accents: "Gagné" -> "gagne". */
function fold(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
