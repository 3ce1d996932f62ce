import { CUSTOM_FIELD_PREFIX, IMPORT_LEAD_FIELDS, type TImportMapping } from '../../../../contracts/crm-imports.js';
import type { TCustomField } from '../../../../contracts/crm.js';

// Which lead field each CSV column probably fills, from its name (French and English, as Excel,
// Google Sheets, HubSpot or Mailchimp exports write them) or from the workspace's previous import.

const SYNONYMS: Record<string, string[]> = {
  first_name: ['prenom', 'firstname', 'first', 'givenname'],
  last_name: ['nom', 'nomdefamille', 'lastname', 'last', 'surname', 'familyname'],
  email: ['email', 'mail', 'courriel', 'adresseemail', 'adressemail', 'emailaddress', 'adresseelectronique'],
  phone: ['telephone', 'tel', 'phone', 'mobile', 'portable', 'phonenumber', 'numerodetelephone', 'gsm'],
  company: ['societe', 'entreprise', 'company', 'organisation', 'organization', 'raisonsociale', 'structure'],
  job_title: ['poste', 'fonction', 'jobtitle', 'titre', 'title', 'position', 'metier'],
  status: ['statut', 'status', 'etape', 'stage'],
  source: ['source', 'origine', 'provenance'],
  source_url: ['url', 'urlsource', 'sourceurl', 'pagedorigine'],
  estimated_value: ['valeur', 'valeurestimee', 'montant', 'value', 'amount', 'estimatedvalue', 'ca', 'budget'],
  tags: ['tags', 'tag', 'etiquettes', 'etiquette', 'libelles', 'labels'],
  notes: ['notes', 'note', 'commentaire', 'commentaires', 'remarques', 'remarque', 'comments'],
  owner_id: ['responsable', 'proprietaire', 'owner', 'commercial', 'assignea'],
  lost_reason: ['raisondelaperte', 'motifdeperte', 'lostreason'],
};

/** "Adresse e-mail" -> "adresseemail": lower case, no accents, letters and digits only. */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * One target per column (or none): the previous import's choice for a column of the same name,
 * else the field named exactly like the column (an exported file), else a known synonym. A field
 * is given to one column only.
 */
export function guessMapping(headers: string[], customFields: TCustomField[], previous: TImportMapping = {}): TImportMapping {
  const targets = new Set<string>([...IMPORT_LEAD_FIELDS, ...customFields.map((f) => `${CUSTOM_FIELD_PREFIX}${f.key}`)]);
  // The workspace's own custom fields by key and label first ("Budget" -> custom.budget), then the synonyms.
  const byName = new Map<string, string>();
  for (const field of customFields) {
    for (const name of [normalizeHeader(field.key), normalizeHeader(field.label)]) if (!byName.has(name)) byName.set(name, `${CUSTOM_FIELD_PREFIX}${field.key}`);
  }
  for (const [field, names] of Object.entries(SYNONYMS)) for (const name of names) if (!byName.has(name)) byName.set(name, field);
  const mapping: TImportMapping = {};
  const taken = new Set<string>();
  const assign = (header: string, target: string | undefined) => {
    if (!target || !targets.has(target) || taken.has(target) || header in mapping) return;
    mapping[header] = target;
    taken.add(target);
  };
  for (const header of headers) assign(header, previous[header]);
  for (const header of headers) assign(header, targets.has(header) ? header : undefined);
  for (const header of headers) assign(header, byName.get(normalizeHeader(header)));
  return mapping;
}
