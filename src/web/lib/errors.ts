import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { ApiError } from './api.js';

/** A short, translated headline for a failed request. */
export function errorTitle(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 400:
      return t('errors.badRequest');
    case 401:
      return t('errors.unauthorized');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 429:
      return t('errors.rateLimited');
    default:
      return error.status >= 500 ? t('errors.server') : t('errors.generic');
  }
}

/** The server's explanation, when there is one worth showing (network and 5xx errors have none). */
export function errorDetail(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.status > 0 && (error.status < 500 || error.reason)) return error.explanation();
  return t('errors.tryAgain');
}

/** Shows a failed request as a red notification. */
export function notifyError(error: unknown, t: TFunction): void {
  notifications.show({ color: 'red', title: errorTitle(error, t), message: errorDetail(error, t) });
}

type TFormLike = { setErrors: (errors: Record<string, ReactNode>) => void; getValues: () => object };

/**
 * Puts the server's field errors ("body.email") on the matching form fields.
 * Returns false when none of them belongs to the form, so the caller shows the error otherwise.
 */
export function setFormErrors(form: TFormLike, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = Object.keys(form.getValues());
  const known = Object.entries(error.fieldErrors()).filter(([field]) => fields.includes(field));
  if (known.length === 0) return false;
  form.setErrors(Object.fromEntries(known));
  return true;
}

/** True when the error is an API error with this HTTP status. */
export function hasStatus(error: unknown, status: number): boolean {
  return error instanceof ApiError && error.status === status;
}
