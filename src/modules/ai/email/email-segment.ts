import { and, gt, ne, sql } from 'drizzle-orm';
import type { TAiLanguage, TEmailGenerateBody, TEmailGenerationType, TSuggestedSegment } from '../../../contracts/ai.js';
import type { TRuleCondition, TRuleGroup } from '../../../contracts/crm-segments.js';
import type { Tenant } from '../../../platform/db/tenant.js';
import { customFieldsByKey, leads } from '../../crm/index.js';
import { previewSegment } from '../../segments/index.js';

// The audience suggested with a generated email: a rule tree the segment engine compiles (contracts/crm-segments.ts),
// over the workspace's real fields: every suggestion keeps the leads a campaign can mail (an address, not
// unsubscribed), then narrows by the email type, and by the tags and custom field values the brief's audience names.
// Its count is the segments' own preview count.

/** Days of the windows the suggestions use. */
const WELCOME_DAYS = 7;
const DORMANT_DAYS = 90;
const RECENT_ACTIVITY_DAYS = 30;
/** Events that show a lead is warm, for a follow-up (all segmentable in the lead-event registry). */
const WARM_EVENTS = ['email_clicked', 'form_submitted', 'funnel_optin', 'page_visited'] as const;

type TAudienceMatch = { rules: TRuleCondition[]; tags: string[]; fields: { label: string; values: string[] | null }[] };

/** A rule tree for the brief's email type and audience, its description in `language`, and how many leads match now. */
export async function suggestSegment(tenant: Tenant, brief: TEmailGenerateBody, language: TAiLanguage): Promise<TSuggestedSegment> {
  const match = await matchAudience(tenant, brief.audience);
  const words = WORDS[language];
  const rules: (TRuleCondition | TRuleGroup)[] = [
    { field: 'email', operator: 'is_not_empty' },
    { field: 'unsubscribed', operator: 'eq', value: false },
  ];
  const clauses: string[] = [];
  const add = (clause: string, ...conditions: (TRuleCondition | TRuleGroup)[]) => {
    rules.push(...conditions);
    clauses.push(clause);
  };

  switch (brief.type) {
    case 'welcome':
      add(words.createdWithin(WELCOME_DAYS), { field: 'created_at', operator: 'within_last_days', value: WELCOME_DAYS });
      break;
    case 're_engagement':
      // The engine has no "none in the last N days" for events: leads known for DORMANT_DAYS who never opened nor
      // clicked an email (the mail clients that open every message make opens alone unreliable).
      add(
        words.dormant(DORMANT_DAYS),
        { field: 'created_at', operator: 'lt', value: daysAgo(DORMANT_DAYS) },
        { field: 'events.email_opened', operator: 'is_empty' },
        { field: 'events.email_clicked', operator: 'is_empty' },
      );
      break;
    case 'follow_up':
      add(words.open, { field: 'status', operator: 'not_in', value: ['won', 'lost'] });
      add(words.recentlyActive(RECENT_ACTIVITY_DAYS), {
        op: 'or',
        rules: WARM_EVENTS.map((type) => ({ field: `events.${type}`, operator: 'within_last_days' as const, value: RECENT_ACTIVITY_DAYS })),
      });
      break;
    case 'promotion':
    case 'product_launch':
    case 'event_invitation':
      add(words.notLost, { field: 'status', operator: 'neq', value: 'lost' });
      break;
    case 'newsletter':
      break;
  }
  if (match.rules.length > 0) {
    for (const tag of match.tags.length > 0 ? [words.tags(match.tags)] : []) clauses.push(tag);
    for (const field of match.fields) clauses.push(words.field(field.label, field.values));
    rules.push(...match.rules);
  } else if (wantsEngaged(brief.type)) {
    // No tag or field named: the offer goes to the warmer half of the workspace's active leads, when scores exist.
    const median = await medianScore(tenant);
    if (median !== null) add(words.score(median), { field: 'score', operator: 'gte', value: median });
  }

  const tree: TRuleGroup = { op: 'and', rules };
  const { count } = await previewSegment(tenant, tree);
  return { description: words.sentence(clauses), rules: tree, count };
}

function wantsEngaged(type: TEmailGenerationType): boolean {
  return type === 'promotion' || type === 'product_launch';
}

/** The calendar day `days` ago (UTC), as the engine's date values are written. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** The median score of the leads with a score that are not lost; null when none has one. */
async function medianScore(tenant: Tenant): Promise<number | null> {
  const [row] = await tenant.db
    .select({ median: sql<number | null>`percentile_disc(0.5) within group (order by ${leads.score})` })
    .from(leads)
    .where(tenant.where(leads, and(gt(leads.score, 0), ne(leads.status, 'lost'))));
  return row?.median === null || row?.median === undefined ? null : Number(row.median);
}

/**
 * The workspace's tags, select options and yes/no fields the audience text names (any case, accents, plurals):
 * "mes clientes VIP" finds the tag "vip" and the "Client VIP" yes/no field.
 */
async function matchAudience(tenant: Tenant, audience: string): Promise<TAudienceMatch> {
  const text = normalized(audience);
  const names = (phrase: string) => {
    const words = normalized(phrase);
    return words.length > 0 && words.join(' ').length >= 3 && containsWords(text, words);
  };
  const tagRows = await tenant.db
    .selectDistinct({ tag: sql<string>`unnest(${leads.tags})` })
    .from(leads)
    .where(tenant.where(leads))
    .limit(2000);
  const tags = tagRows.map((row) => row.tag).filter((tag) => tag && names(tag));
  const match: TAudienceMatch = { rules: [], tags: [...new Set(tags)], fields: [] };
  if (match.tags.length > 0) match.rules.push({ field: 'tags', operator: 'in', value: match.tags });

  for (const definition of (await customFieldsByKey(tenant.db, tenant.workspaceId)).values()) {
    if (definition.field_type === 'select') {
      const options = definition.options.filter(names);
      if (options.length === 0) continue;
      match.rules.push(
        options.length === 1
          ? { field: `custom.${definition.key}`, operator: 'eq', value: options[0] }
          : { field: `custom.${definition.key}`, operator: 'in', value: options },
      );
      match.fields.push({ label: definition.label, values: options });
    } else if (definition.field_type === 'boolean' && names(definition.label)) {
      match.rules.push({ field: `custom.${definition.key}`, operator: 'eq', value: true });
      match.fields.push({ label: definition.label, values: null });
    }
  }
  return match;
}

/** Words without case, accents or plural marks ("Clientes VIP" -> ["client", "vip"]). */
function normalized(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(singular);
}

function singular(word: string): string {
  let out = word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word;
  // French feminine forms (cliente, abonnée) match the masculine tag, and the other way round.
  while (out.length > 4 && out.endsWith('e')) out = out.slice(0, -1);
  return out;
}

function containsWords(text: string[], words: string[]): boolean {
  for (let i = 0; i + words.length <= text.length; i++) {
    if (words.every((word, j) => text[i + j] === word)) return true;
  }
  return false;
}

const quoteFr = (text: string) => `«\u00a0${text}\u00a0»`;
const quoteEn = (text: string) => `“${text}”`;

const WORDS: Record<
  TAiLanguage,
  {
    sentence(clauses: string[]): string;
    createdWithin(days: number): string;
    dormant(days: number): string;
    open: string;
    recentlyActive(days: number): string;
    notLost: string;
    score(min: number): string;
    tags(tags: string[]): string;
    field(label: string, values: string[] | null): string;
  }
> = {
  fr: {
    sentence: (clauses) =>
      clauses.length === 0
        ? 'Tous vos leads abonnés (avec une adresse e-mail, non désinscrits).'
        : `Les leads abonnés (avec une adresse e-mail, non désinscrits) ${clauses.join(', ')}.`,
    createdWithin: (days) => `créés ces ${days} derniers jours`,
    dormant: (days) => `connus depuis plus de ${days} jours qui n’ont encore jamais ouvert ni cliqué un de vos e-mails`,
    open: `ni gagnés ni perdus`,
    recentlyActive: (days) => `qui ont cliqué dans un e-mail, envoyé un formulaire, rejoint un tunnel ou visité une page ces ${days} derniers jours`,
    notLost: `dont le statut n’est pas ${quoteFr('Perdu')}`,
    score: (min) => `avec un score d’au moins ${min} (le score médian de vos leads actifs)`,
    tags: (tags) => (tags.length === 1 ? `qui ont le tag ${quoteFr(tags[0]!)}` : `qui ont l’un des tags ${tags.map(quoteFr).join(', ')}`),
    field: (label, values) =>
      values === null ? `dont le champ ${quoteFr(label)} est coché` : `dont le champ ${quoteFr(label)} vaut ${values.map(quoteFr).join(' ou ')}`,
  },
  en: {
    sentence: (clauses) =>
      clauses.length === 0
        ? 'All your subscribed leads (with an email address, not unsubscribed).'
        : `Subscribed leads (with an email address, not unsubscribed) ${clauses.join(', ')}.`,
    createdWithin: (days) => `created in the last ${days} days`,
    dormant: (days) => `known for more than ${days} days who have never opened or clicked any of your emails`,
    open: 'neither won nor lost',
    recentlyActive: (days) => `who clicked in an email, sent a form, joined a funnel or visited a page in the last ${days} days`,
    notLost: `whose status is not ${quoteEn('Lost')}`,
    score: (min) => `with a score of at least ${min} (the median score of your active leads)`,
    tags: (tags) => (tags.length === 1 ? `tagged ${quoteEn(tags[0]!)}` : `with one of the tags ${tags.map(quoteEn).join(', ')}`),
    field: (label, values) =>
      values === null ? `whose ${quoteEn(label)} field is checked` : `whose ${quoteEn(label)} field is ${values.map(quoteEn).join(' or ')}`,
  },
};
