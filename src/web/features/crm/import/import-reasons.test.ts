import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TImportReason } from '../../../../contracts/crm-imports.js';
import { resources } from '../../../i18n/resources.js';
import { importReasonText } from './import-reasons.js';

beforeAll(async () => {
  await i18next.init({ resources, lng: 'fr', fallbackLng: 'fr', interpolation: { escapeValue: false } });
});
afterAll(() => i18next.changeLanguage('fr'));

describe('import report reasons in the interface language', () => {
  const row: { reason: string; reasons: TImportReason[] } = {
    reason: 'estimated_value: must be a number (e.g. 1 200,50); email: must be a valid email address; custom.taille: must be one of: TPE, PME',
    reasons: [
      { code: 'not_a_number', field: 'estimated_value' },
      { code: 'invalid_format', field: 'email', params: { origin: 'string', format: 'email' } },
      { code: 'not_an_option', field: 'custom.taille', params: { options: ['TPE', 'PME'] } },
    ],
  };
  const labels = new Map([['taille', 'Taille']]);

  it('says the import codes and the form codes after their field, in French and in English', async () => {
    expect(importReasonText(row, labels)).toBe(
      'Valeur estimée : Saisissez un nombre, par exemple 1 200,50. E-mail : Saisissez une adresse e-mail valide. Taille : Choisissez une de ces valeurs : TPE, PME.',
    );
    expect(importReasonText({ reason: 'erased (suppression list)', reasons: [{ code: 'suppressed' }] }, labels)).toBe(
      "E-mail effacé (liste de suppression RGPD) : la ligne n'a pas été importée.",
    );
    await i18next.changeLanguage('en');
    expect(importReasonText(row, labels)).toBe(
      'Estimated value: Enter a number, for example 1,200.50. Email: Enter a valid email address. Taille: Choose one of: TPE, PME.',
    );
    await i18next.changeLanguage('fr');
  });

  it("shows the server's text for reports stored before codes, and for a code it cannot say", () => {
    expect(importReasonText({ reason: 'erased (suppression list)', reasons: [] }, labels)).toBe('erased (suppression list)');
    expect(importReasonText({ reason: 'something new', reasons: [{ code: 'from_a_newer_server', field: 'email' }] }, labels)).toBe('something new');
  });
});
