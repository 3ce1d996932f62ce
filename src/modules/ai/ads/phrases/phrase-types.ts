import type { TAdObjective, TAiTone } from '../../../../contracts/ai.js';

// The shape of a language's phrase library for the built-in ad writer (one file per language next to this one).
// Templates name their slots in braces; a slot written with a capital ({Product}) is filled capitalised. The writer
// fills them, applies the language's typography, and keeps only what fits the platform's limit (ad-fit.ts).
// Slots: product, audience, brand, benefit (an infinitive clause with no pronoun), benefitShort (a short noun phrase),
// pain (a whole question), before / after (clauses of the before/after/bridge), cta (a sentence), ctaShort, toneLine.

/** The copywriting frameworks a variant is written with (one per variant, all different). */
export const AD_FRAMEWORKS = ['aida', 'pas', 'bab', 'social_proof', 'question', 'benefit'] as const;
export type TAdFramework = (typeof AD_FRAMEWORKS)[number];

/** Templates of one framework for each text of a variant. */
export type TFrameTemplates = {
  /** Meta primary text (<= 125 characters once filled). */
  primary: string[];
  /** Meta headline (<= 40). */
  headline: string[];
  /** LinkedIn introductory text (<= 150). */
  intro: string[];
  /** LinkedIn headline (<= 70). */
  linkedinHeadline: string[];
  /** Google responsive search ad headlines that carry the framework (<= 30, no exclamation mark: Google refuses them). */
  googleHeadlines: string[];
  /** Google descriptions (<= 90). */
  googleDescriptions: string[];
};

export type TAdCopyPhrases = {
  benefits: string[];
  benefitShorts: string[];
  pains: string[];
  befores: string[];
  afters: string[];
  ctaSentences: Record<TAdObjective, string[]>;
  ctaShorts: Record<TAdObjective, string[]>;
  toneLines: Record<TAiTone, string[]>;
  frames: Record<TAdFramework, TFrameTemplates>;
  /** Templates every framework may fall back on, the last ones short enough to always fit. */
  fallback: TFrameTemplates & { metaDescription: string[] };
  /** Google headlines with no framework (<= 30), enough for 15 distinct ones whatever the brief. */
  googleHeadlinePool: string[];
  visualHeadlines: string[];
  visualSublines: string[];
  /** The campaign's name; objectiveLabel and platformLabel are slots too. */
  campaignNames: string[];
  objectiveLabels: Record<TAdObjective, string>;
};

/** What the audience suggestions need of a language. */
export type TAdTargetingPhrases = {
  locations: string[];
  /** Words that carry no meaning alone (keywords and shortened product names skip them). */
  stopWords: string[];
  /** Words that open a clause ("qui", "who"): a shortened name is best cut before the last one. */
  clauseWords: string[];
  /** Words that name the kind of offer, not its subject ("programme", "course"): poor interests and keywords alone. */
  offerWords: string[];
  broadInterests: string[];
  /** Audience words (accent-free, lower-case stems) -> LinkedIn job titles. */
  jobTitles: { stems: string[]; titles: string[] }[];
  defaultJobTitles: string[];
  broadJobTitles: string[];
  /** Audience words -> an age range. */
  ageRanges: { stems: string[]; min: number; max: number }[];
  /** Words a search adds to the product to show its intent, per objective. */
  searchIntents: Record<TAdObjective, string[]>;
  names: {
    interests: string;
    profile: string;
    broad: string;
    searchCore: string;
    searchIntent: string;
    searchAudience: string;
    decisionMakers: string;
    peers: string;
  };
  rationales: {
    interests: string;
    profile: string;
    broad: string;
    searchCore: string;
    searchIntent: string;
    searchAudience: string;
    decisionMakers: string;
    peers: string;
  };
};
