import { EMPTY_AUDIENCE, type TTargetAudience } from '../../../contracts/ads.js';
import type { TAdGenerationPlatform, TAdObjective, TAiLanguage, TSuggestedAudience } from '../../../contracts/ai.js';
import { capitalize, fold } from '../builtin-kit/text-case.js';
import { typeset } from '../builtin-kit/typography.js';
import { AD_TYPESETTING, cleanBriefText, fillTemplate, shortenAtWord } from './ad-fit.js';
import { TARGETING_PHRASES, type TAdTargetingPhrases } from './phrases/index.js';

// The audiences suggested with a generated campaign, in the platform's own targeting terms (ads' ZTargetAudience):
// Meta interests, age range and countries; Google search keywords; LinkedIn job titles. Deterministic: drawn from the
// words of the brief (product and audience) and the language, never from a model or a guess about the member.

export type TAudienceBrief = {
  platform: TAdGenerationPlatform;
  objective: TAdObjective;
  language: TAiLanguage;
  product: string;
  /** Who it is for (the brief's, else the brand kit's); empty when nobody said. */
  audience: string;
};

const NAME_MAX = 80;
const TERM_MAX = 120;

/** 2 to 4 audiences for the platform, each with a sentence saying why. */
export function suggestAudiences(brief: TAudienceBrief): TSuggestedAudience[] {
  const terms = TARGETING_PHRASES[brief.language];
  const product = cleanBriefText(brief.product);
  const audience = cleanBriefText(brief.audience);
  const words = { product: significantWords(product, terms, true), audience: significantWords(audience, terms) };
  const suggestions =
    brief.platform === 'google'
      ? searchAudiences(brief, terms, product, words)
      : brief.platform === 'linkedin'
        ? linkedInAudiences(terms, audience, words)
        : metaAudiences(terms, product, audience, words);
  return suggestions.map((s) => ({
    name: typeset(
      brief.language,
      fillTemplate(terms.names[s.kind], { product: short(product, 50, terms), audience: short(audience, 50, terms) }),
      AD_TYPESETTING,
    ).slice(0, NAME_MAX),
    rationale: typeset(brief.language, terms.rationales[s.kind], AD_TYPESETTING),
    targeting: { ...EMPTY_AUDIENCE, locations: [...terms.locations], ...s.targeting },
  }));
}

type TKind = keyof TAdTargetingPhrases['names'];
type TSuggestion = { kind: TKind; targeting: Partial<TTargetAudience> };
type TWords = { product: string[]; audience: string[] };

function metaAudiences(terms: TAdTargetingPhrases, product: string, audience: string, words: TWords): TSuggestion[] {
  const ages = ageRange(audience, terms);
  const productInterests = unique([short(product, 60, terms), ...words.product.filter((w) => w.length >= 5).map(capitalize)]).slice(0, 4);
  const out: TSuggestion[] = [{ kind: 'interests', targeting: { interests: unique([...productInterests, terms.broadInterests[0]!]), ...ages } }];
  if (audience) {
    const audienceInterests = words.audience.filter((w) => w.length >= 4).map(capitalize);
    out.push({ kind: 'profile', targeting: { interests: unique([...audienceInterests.slice(0, 4), ...terms.broadInterests.slice(0, 2)]), ...ages } });
  }
  out.push({
    kind: 'broad',
    targeting: { interests: [...terms.broadInterests], age_min: Math.min(ages.age_min, 25), age_max: Math.max(ages.age_max, 55) },
  });
  return out;
}

function searchAudiences(brief: TAudienceBrief, terms: TAdTargetingPhrases, product: string, words: TWords): TSuggestion[] {
  const phrase = normalisedSpaces(short(product, 80, terms).toLocaleLowerCase());
  const main = words.product.slice(0, 2).join(' ') || phrase;
  const pairs = words.product.slice(0, 5).flatMap((w, i, all) => (all[i + 1] ? [`${w} ${all[i + 1]}`] : []));
  const out: TSuggestion[] = [{ kind: 'searchCore', targeting: { keywords: unique([phrase, main, ...pairs]).slice(0, 8) } }];
  out.push({ kind: 'searchIntent', targeting: { keywords: unique(terms.searchIntents[brief.objective].map((intent) => `${main} ${intent}`)) } });
  const audienceWords = words.audience.filter((w) => w.length >= 4).slice(0, 3);
  if (audienceWords.length > 0) {
    out.push({ kind: 'searchAudience', targeting: { keywords: unique(audienceWords.map((w) => `${main} ${w}`)) } });
  }
  return out.map((s) => ({ ...s, targeting: { keywords: (s.targeting.keywords ?? []).map((k) => k.slice(0, TERM_MAX)) } }));
}

function linkedInAudiences(terms: TAdTargetingPhrases, audience: string, words: TWords): TSuggestion[] {
  const key = ` ${fold(audience)} `;
  const matched = terms.jobTitles.filter((entry) => entry.stems.some((stem) => key.includes(` ${stem}`))).flatMap((entry) => entry.titles);
  const decisionMakers = unique(matched.length > 0 ? matched : terms.defaultJobTitles).slice(0, 8);
  const interests = unique(words.product.filter((w) => w.length >= 5).map(capitalize)).slice(0, 4);
  return [
    { kind: 'decisionMakers', targeting: { job_titles: decisionMakers, interests } },
    {
      kind: 'peers',
      targeting: {
        job_titles: unique([...terms.broadJobTitles, ...terms.defaultJobTitles])
          .filter((t) => !decisionMakers.includes(t))
          .slice(0, 6),
      },
    },
  ];
}

/** The age range the audience's words suggest (25–55 when they say nothing about age). */
function ageRange(audience: string, terms: TAdTargetingPhrases): { age_min: number; age_max: number } {
  const key = ` ${fold(audience)} `;
  const range = terms.ageRanges.find((r) => r.stems.some((stem) => key.includes(` ${stem}`)));
  return range ? { age_min: range.min, age_max: range.max } : { age_min: 25, age_max: 55 };
}

/** The words of a text that mean something alone, lower-case, in order, once each. */
function significantWords(text: string, terms: TAdTargetingPhrases, skipOfferWords = false): string[] {
  const words = text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}’'-]+/u)
    .map((w) => w.replace(/^[’'-]+|[’'-]+$/g, '').replace(/^(?:l|d|qu)[’']/u, ''))
    .filter((w) => w.length >= 3 && !terms.stopWords.includes(fold(w)) && !(skipOfferWords && terms.offerWords.includes(fold(w))));
  return unique(words);
}

function short(text: string, max: number, terms: TAdTargetingPhrases): string {
  return shortenAtWord(text, max, terms.stopWords) ?? text.slice(0, max);
}

function normalisedSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function unique(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = fold(item);
    if (!item || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
