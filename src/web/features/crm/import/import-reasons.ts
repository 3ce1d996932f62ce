import i18next from 'i18next';
import { CUSTOM_FIELD_PREFIX, type TImportReason } from '../../../../contracts/crm-imports.js';
import { translateFieldError } from '../../../lib/api.js';

/**
 * A report row's reasons in the interface language: the import's own codes from crmImport.reasons, zod's
 * (`invalid_format`, `too_big`…) as the forms say them, each after its column's field ("E-mail : …").
 * Rows stored before reasons had codes (or with a code this version cannot say) show the server's text.
 */
export function importReasonText(problem: { reason: string; reasons: TImportReason[] }, customLabels: Map<string, string>): string {
  if (problem.reasons.length === 0) return problem.reason;
  const sentences = problem.reasons.map((reason) => {
    const key = `crmImport.reasons.${reason.code}`;
    const params = { ...reason.params, options: Array.isArray(reason.params?.options) ? reason.params.options.join(', ') : undefined };
    const text = i18next.exists(key)
      ? String(i18next.t(key as never, params as never))
      : reason.params?.format || reason.params?.origin || i18next.exists(`validation.codes.${reason.code}`)
        ? translateFieldError({ path: reason.field ?? '', message: '', code: reason.code, params: reason.params })
        : '';
    if (!text || !reason.field) return text;
    const field = reason.field.startsWith(CUSTOM_FIELD_PREFIX)
      ? (customLabels.get(reason.field.slice(CUSTOM_FIELD_PREFIX.length)) ?? reason.field)
      : String(i18next.t(`crmImport.fields.${reason.field}` as never));
    return String(i18next.t('crmImport.reasons.withField' as never, { field, reason: text } as never));
  });
  return sentences.some((s) => s === '') ? problem.reason : sentences.join(' ');
}
