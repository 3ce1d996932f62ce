import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Refusal reasons that concern the slug field of the form that sent it (the funnel's or a page's). */
const SLUG_REASONS = new Set(['slug_taken', 'page_slug_taken']);

/** Why a slug would be refused (the contract's ZSlug), in the reader's language, or null. */
export function slugProblem(value: string, t: TFunction): string | null {
  if (value === '') return t('validation.required');
  if (value.length > 60) return t('validation.codes.too_big_string', { maximum: 60 });
  return SLUG.test(value) ? null : t('funnelList.fields.slugFormat');
}

/**
 * Puts a "this address is taken" refusal (a 409 with a reason, not a field error) on the form's slug field.
 * Returns false for any other error.
 */
export function showSlugConflict(form: { setFieldError: (path: 'slug', error: ReactNode) => void }, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.reason || !SLUG_REASONS.has(error.reason)) return false;
  form.setFieldError('slug', error.explanation());
  return true;
}
