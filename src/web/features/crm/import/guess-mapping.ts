import { CUSTOM_FIELD_PREFIX, FRENCH_HEADERS, IMPORT_LEAD_FIELDS, type TImportMapping } from '../../../../contracts/crm-imports.js';
import type { TCustomField } from '../../../../contracts/crm.js';

// Which lead field each CSV column probably fills, from its name (French and English, as Excel,
// Google Sheets, HubSpot or Mailchimp exports write them) or from the workspace's previous import.

const SYNONYMS: Record<string, string[]> = {
  first_name: ['prenom', 'firstname', 'first', 'givenname', 'prenomducontact'],
  last_name: ['nom', 'nomdefamille', 'lastname', 'last', 'surname', 'familyname', 'nomducontact'],
  email: ['email', 'mail', 'courriel', 'adresseemail', 'adressemail', 'emailaddress', 'adresseelectronique', 'adressecourriel', 'emailprofessionnel'],
  phone: [
    'telephone',
    'tel',
    'phone',
    'mobile',
    'portable',
    'phonenumber',
    'numerodetelephone',
    'gsm',
    'telephoneportable',
    'telephonemobile',
    'telephonefixe',
    'numerodemobile',
    'numero',
  ],
  company: ['societe', 'entreprise', 'company', 'organisation', 'organization', 'raisonsociale', 'structure', 'nomdelentreprise', 'nomdelasociete', 'client'],
  job_title: ['poste', 'fonction', 'jobtitle', 'titre', 'title', 'position', 'metier', 'intituledeposte'],
  status: ['statut', 'status', 'etape', 'stage', 'etapedevente', 'phase', 'statutdulead'],
  source: ['source', 'origine', 'provenance', 'canal', 'sourcedulead', 'originedulead'],
  source_url: ['url', 'urlsource', 'sourceurl', 'pagedorigine', 'siteweb', 'pagesource'],
  estimated_value: [
    'valeur',
    'valeurestimee',
    'montant',
    'montantestime',
    'montantht',
    'montantttc',
    'montantprevisionnel',
    'valeurdelaffaire',
    'chiffredaffaires',
    'chiffredaffairesestime',
    'caestime',
    'potentiel',
    'value',
    'amount',
    'estimatedvalue',
    'dealvalue',
    'ca',
    'budget',
  ],
  tags: ['tags', 'tag', 'etiquettes', 'etiquette', 'libelles', 'labels', 'motscles', 'categories'],
  notes: ['notes', 'note', 'commentaire', 'commentaires', 'remarques', 'remarque', 'comments', 'observations', 'description'],
  owner_id: ['responsable', 'proprietaire', 'owner', 'commercial', 'assignea', 'attribuea', 'suivipar', 'vendeur'],
  lost_reason: ['raisondelaperte', 'motifdeperte', 'lostreason', 'motifdelaperte', 'raisondeperte', 'causedelaperte'],
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
    for (const name of [normalizeHeader(field.key), normalizeHeader(field.label)])
      if (!byName.has(name)) byName.set(name, `${CUSTOM_FIELD_PREFIX}${field.key}`);
  }
  // The Excel (France) export's own headers ("Montant estimé", "UTM campagne"…), then the synonyms.
  for (const [field, header] of Object.entries(FRENCH_HEADERS)) if (!byName.has(normalizeHeader(header))) byName.set(normalizeHeader(header), field);
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
