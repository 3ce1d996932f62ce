import { describe, expect, it } from 'vitest';
import { FRENCH_HEADERS, IMPORT_LEAD_FIELDS } from '../../../../contracts/crm-imports.js';
import type { TCustomField } from '../../../../contracts/crm.js';
import { guessMapping } from './guess-mapping.js';

describe('guessMapping', () => {
  it('maps every header of the Excel (France) export back to its field, so that file imports again as is', () => {
    const headers = IMPORT_LEAD_FIELDS.map((field) => FRENCH_HEADERS[field]);
    const mapping = guessMapping(headers, []);
    expect(mapping).toEqual(Object.fromEntries(IMPORT_LEAD_FIELDS.map((field) => [FRENCH_HEADERS[field], field])));
  });

  it('recognizes common French headers: "Montant estimé", "Téléphone portable", "Raison sociale", "Étape de vente"', () => {
    expect(guessMapping(['Montant estimé', 'Téléphone portable', 'Raison sociale', 'Étape de vente', 'Adresse e-mail'], [])).toEqual({
      'Montant estimé': 'estimated_value',
      'Téléphone portable': 'phone',
      'Raison sociale': 'company',
      'Étape de vente': 'status',
      'Adresse e-mail': 'email',
    });
  });

  it('maps a custom field by its label (the Excel export writes labels)', () => {
    const budget = { id: 'b', key: 'rgpd_ok', label: 'Opt-in newsletter', field_type: 'boolean', options: [], position: 0 } as unknown as TCustomField;
    expect(guessMapping(['Opt-in newsletter', 'Montant estimé'], [budget])).toEqual({
      'Opt-in newsletter': 'custom.rgpd_ok',
      'Montant estimé': 'estimated_value',
    });
  });

  it('keeps the standard export identity mapping and gives a field to one column only', () => {
    expect(guessMapping(['email', 'E-mail', 'first_name'], [])).toEqual({ email: 'email', first_name: 'first_name' });
  });
});
