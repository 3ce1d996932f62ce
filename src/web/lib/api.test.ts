import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { resources } from '../i18n/resources.js';
import { ApiError, translateFieldError } from './api.js';

beforeAll(async () => {
  await i18next.init({ resources, lng: 'fr', fallbackLng: 'fr', interpolation: { escapeValue: false } });
});
afterAll(() => i18next.changeLanguage('fr'));

describe('server field errors in the interface language', () => {
  it('translates codes with their parameters and keeps the server message when the code is unknown', async () => {
    expect(translateFieldError({ path: 'body.email', message: 'must be a valid email address', code: 'invalid_format', params: { format: 'email' } })).toBe(
      'Saisissez une adresse e-mail valide.',
    );
    expect(translateFieldError({ path: 'body.name', message: 'Too big', code: 'too_big', params: { maximum: 120, origin: 'string' } })).toBe(
      'Saisissez au plus 120 caractères.',
    );
    expect(translateFieldError({ path: 'body.x', message: 'kept as is', code: 'something_new' })).toBe('kept as is');
    const error = new ApiError({
      status: 400,
      detail: 'Invalid',
      errors: [{ path: 'body.timezone', message: 'must be an IANA time zone', code: 'time_zone' }] as never,
    });
    expect(error.fieldErrors()).toEqual({ timezone: 'Choisissez un fuseau horaire, par exemple Europe/Paris.' });
    await i18next.changeLanguage('en');
    expect(error.fieldErrors()).toEqual({ timezone: 'Choose a time zone, for example Europe/Paris.' });
  });
});
