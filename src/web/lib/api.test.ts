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
    // An unknown code never shows the server's English to a French reader.
    expect(translateFieldError({ path: 'body.x', message: 'kept as is', code: 'something_new' })).toBe('Cette valeur a été refusée.');
    const error = new ApiError({
      status: 400,
      detail: 'Invalid',
      errors: [{ path: 'body.timezone', message: 'must be an IANA time zone', code: 'time_zone' }] as never,
    });
    expect(error.fieldErrors()).toEqual({ timezone: 'Choisissez un fuseau horaire, par exemple Europe/Paris.' });
    await i18next.changeLanguage('en');
    expect(error.fieldErrors()).toEqual({ timezone: 'Choose a time zone, for example Europe/Paris.' });
    expect(translateFieldError({ path: 'body.x', message: 'kept as is', code: 'something_new' })).toBe('kept as is');
    await i18next.changeLanguage('fr');
  });
});

describe('problems without a field in the interface language', () => {
  it('translates the reason with its params, names a capped list in French, and falls back without English', async () => {
    const full = new ApiError({
      status: 409,
      detail: 'This workspace already has 100 saved views, the most it can hold; delete one before creating another',
      reason: 'workspace_limit',
      params: { limit: 100, list: 'savedViews' },
    });
    expect(full.explanation()).toBe('Cet espace de travail a atteint la limite de 100 vues enregistrées : supprimez-en avant d’en créer.');
    const unknown = new ApiError({ status: 409, detail: 'Something new in English' });
    expect(unknown.explanation()).toBe('La demande a été refusée.');
    const withField = new ApiError({
      status: 409,
      detail: 'A lead with the email a@b.fr already exists',
      errors: [{ path: 'body.email', message: 'already used', code: 'lead_email_taken' }] as never,
    });
    expect(withField.explanation()).toBe('Un lead utilise déjà cette adresse e-mail.');
    await i18next.changeLanguage('en');
    expect(full.explanation()).toBe('This workspace has reached its limit of 100 saved views: delete some before creating more.');
    expect(unknown.explanation()).toBe('Something new in English');
    await i18next.changeLanguage('fr');
  });
});
