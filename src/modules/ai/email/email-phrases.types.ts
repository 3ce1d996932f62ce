import type { TAiTone, TEmailGenerationType } from '../../../contracts/ai.js';

// The shape of the built-in email writer's phrase libraries (email-phrases.fr.ts, email-phrases.en.ts). A phrase is a
// function of the brief's values returning one sentence, or '' when it does not apply (the brand's main offer when
// the brand kit has none). The writer keeps the alternatives that fit the field's limit and hold no word the brand
// avoids, then picks one with a PRNG seeded from the brief.

/** What phrases are filled with: the brief's words as typed, framed so no phrase ever inflects them. */
export type TEmailVars = {
  /** The topic as typed, first letter upper-cased (a title, the start of a sentence). */
  topic: string;
  /** The topic inside a sentence: its first letter lower-cased when it starts with an article or a pronoun. */
  topicMid: string;
  /** The topic in quotation marks (« … » / “…”), safe after any preposition. */
  topicQ: string;
  /** Who it is for, as it reads inside a sentence (used between parentheses or after a colon). */
  audience: string;
  /** The brand kit's name, else the workspace's. */
  brand: string;
  /** The brand kit's main offer inside a sentence; '' when the kit has none. */
  offer: string;
};

export type TPhrase = (v: TEmailVars) => string;

/** The four styles of subject line an A/B test compares. */
export const SUBJECT_STYLES = ['question', 'benefit', 'curiosity', 'urgency'] as const;
export type TSubjectStyle = (typeof SUBJECT_STYLES)[number];

/** The persuasion moves the frameworks (AIDA, PAS, before/after/bridge) are made of. */
export type TStage = 'attention' | 'desire' | 'problem' | 'solution' | 'before' | 'after' | 'bridge';

export const EMAIL_FRAMEWORKS = ['aida', 'pas', 'bab'] as const;
export type TEmailFramework = (typeof EMAIL_FRAMEWORKS)[number];

/** The phrases of one email type. Each slot holds at least one phrase that does not quote the brief (always fits). */
export type TEmailTypePhrases = {
  /** The frameworks that suit the type (a welcome has no "problem"). */
  frameworks: readonly TEmailFramework[];
  subjects: Record<TSubjectStyle, TPhrase[]>;
  preheader: TPhrase[];
  /** The first lines after the greeting; never about clicking (the email may have no button). */
  intro: TPhrase[];
  /** AIDA's attention. */
  hook: TPhrase[];
  /** PAS's problem, BAB's before. */
  pain: TPhrase[];
  /** PAS's agitation. */
  stakes: TPhrase[];
  /** AIDA's desire, BAB's after. */
  promise: TPhrase[];
  /** AIDA's interest, PAS's solution, BAB's bridge. */
  offer: TPhrase[];
  /** Benefits, 3 or 4 are kept. */
  bullets: TPhrase[];
  cta: TPhrase[];
  /** A post-scriptum, without its "PS" (the renderer writes it). */
  ps: TPhrase[];
  /** Section titles this type prefers to the framework's generic ones. */
  titles?: Partial<Record<TStage, TPhrase[]>>;
};

/** What the tone changes: a first sentence before the intro ('' for none) and the closing line. */
export type TTonePhrases = { leadIn: TPhrase[]; closing: TPhrase[] };

export type TGenericField = 'subject' | 'preheader' | 'intro' | 'title' | 'paragraph' | 'cta' | 'closing' | 'ps';

export type TEmailLibrary = {
  types: Record<TEmailGenerationType, TEmailTypePhrases>;
  /** Generic section titles per stage. */
  titles: Record<TStage, TPhrase[]>;
  tones: Record<TAiTone, TTonePhrases>;
  /** Who the email is for: a sentence quoting the brief's audience (one phrase without it, always fits). */
  forWhom: TPhrase[];
  /** PS lines any type may use (the brand's main offer). */
  ps: TPhrase[];
  /**
   * Plain phrasings of every field, used when all of a slot's phrasings hold a word the brand avoids (a promotion
   * whose brand never says "offre"): the copy stays whole instead of losing words mid-sentence.
   */
  generic: Record<TGenericField, TPhrase[]>;
  /** The words a campaign's name starts with, per type. */
  typeLabel: Record<TEmailGenerationType, string>;
};
