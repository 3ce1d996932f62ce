import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZAbTest, type TAbTestReport } from '../../../../../contracts/email-campaigns.js';
import { resources } from '../../../../i18n/resources.js';
import { createFormatters } from '../../../../lib/format.js';
import { DEFAULT_AB_DRAFT, draftFieldOfError, draftFromTest, splitShares, testFromDraft } from './ab-test-draft.js';
import { chance, intervalWords, metricValue, pValue, verdictSentences } from './ab-words.js';

// The A/B form's translation to and from the API, and the report's sentences as a French reader sees them.

let t: TFunction;
const fr = createFormatters('fr', 'EUR', 'Europe/Paris');
// Intl separates "97 %" with a narrow no-break space: compared with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

beforeAll(async () => {
  t = await i18next.createInstance().init({ resources, lng: 'fr', fallbackLng: 'fr', interpolation: { escapeValue: false } });
});

describe('the A/B test form', () => {
  it('sends what the contract accepts and reads it back the same', () => {
    const draft = { ...DEFAULT_AB_DRAFT, enabled: true, variants: [' Dernier jour ! ', 'Offre -20 %'], sharePercent: 30, fallback: 'B' as const };
    const test = testFromDraft(draft)!;
    expect(ZAbTest.parse(test)).toEqual({
      variants: [{ subject: 'Dernier jour !' }, { subject: 'Offre -20 %' }],
      test_share: 0.3,
      metric: 'open_rate',
      duration_hours: 4,
      fallback: 'B',
    });
    expect(draftFromTest(test)).toEqual({ ...draft, variants: ['Dernier jour !', 'Offre -20 %'] });
    expect(testFromDraft({ ...draft, enabled: false })).toBeNull();
  });

  it('keeps a content variant as written and finds the tested field of a saved test', () => {
    const test = testFromDraft({ ...DEFAULT_AB_DRAFT, enabled: true, field: 'html_content', variants: ['  <p>B</p>\n'] })!;
    expect(test.variants).toEqual([{ html_content: '  <p>B</p>\n' }]);
    expect(draftFromTest(test).field).toBe('html_content');
  });

  it('puts the server errors on the fields they are about', () => {
    expect(draftFieldOfError('ab_test.variants.1.subject')).toBe('variants.1');
    expect(draftFieldOfError('ab_test.variants.0')).toBe('variants.0');
    expect(draftFieldOfError('ab_test.test_share')).toBe('sharePercent');
    expect(draftFieldOfError('ab_test.fallback')).toBe('fallback');
    expect(draftFieldOfError('subject')).toBeNull();
  });

  it('splits the recipients between the versions and the rest', () => {
    expect(splitShares(20, 1)).toEqual({ test: 0.2, each: 0.1, rest: 0.8, versions: 2 });
    expect(splitShares(100, 3).rest).toBe(0);
  });
});

const report = (decision: TAbTestReport['decision'], state: TAbTestReport['state'] = 'decided'): TAbTestReport => ({
  metric: 'open_rate',
  test_share: 0.2,
  duration_hours: 4,
  fallback: 'A',
  ends_at: '2027-03-12T13:00:00.000Z',
  state,
  winner: null,
  decided_by: null,
  decided_at: null,
  decision,
  variants: [],
  sample_ratio: { chi_square: 13.1, p_value: 0.0003, mismatch: decision.kind === 'blocked' },
  rest: { waiting: 800, sent: 0 },
});

describe('the verdict in words', () => {
  it('says who wins and how sure it is, never a certainty', () => {
    expect(verdictSentences(report({ kind: 'winner', key: 'B', reason: null, probability: 0.97 }), t, fr).map(plain)).toEqual([
      'Variante B a 97 % de chances d’être meilleure que A.',
    ]);
    expect(plain(chance(0.9999, fr))).toBe('> 99 %');
    expect(plain(chance(0.001, fr))).toBe('< 1 %');
  });

  it('says why there is no clear winner', () => {
    const words = verdictSentences(report({ kind: 'no_clear_winner', key: 'A', reason: 'not_enough_data', probability: null }, 'testing'), t, fr);
    expect(words.map(plain)).toEqual([
      'Pas de gagnant net : A (témoin) est gardée.',
      'Pas encore assez de données : au moins 100 e-mails délivrés par variante.',
    ]);
    const below = verdictSentences(report({ kind: 'no_clear_winner', key: 'C', reason: 'below_threshold', probability: null }), t, fr);
    expect(below.map(plain)).toEqual(['Pas de gagnant net : variante C est gardée.', 'Aucune variante n’atteint 95 % de chances d’être meilleure que A.']);
  });

  it('speaks of buyers and money on revenue per recipient', () => {
    const revenue = {
      ...report({ kind: 'no_clear_winner', key: 'A', reason: 'not_enough_data', probability: null }, 'testing'),
      metric: 'revenue_per_recipient' as const,
    };
    expect(verdictSentences(revenue, t, fr).map(plain)).toEqual([
      'Pas de gagnant net : A (témoin) est gardée.',
      'Pas encore assez de données : au moins 100 e-mails délivrés par variante et 10 destinataires du test ayant rapporté un revenu.',
    ]);
    expect(plain(metricValue('revenue_per_recipient', 1.25, fr))).toBe('1,25 €');
    expect(plain(metricValue('click_rate', 0.214, fr))).toBe('21,4 %');
    expect(plain(intervalWords([0.8, 1.6], t, fr, 'revenue_per_recipient'))).toBe('entre 0,80 € et 1,60 €');
    expect(plain(intervalWords([0.18, 0.24], t, fr))).toBe('entre 18 % et 24 %');
  });

  it('explains a blocked decision with the p-value and asks for a choice', () => {
    const words = verdictSentences(report({ kind: 'blocked', key: 'A', reason: 'sample_ratio_mismatch', probability: null }, 'waiting_for_choice'), t, fr);
    expect(words).toEqual([
      'Décision automatique bloquée : les variantes n’ont pas reçu la part de destinataires prévue (test du khi-deux, p = 0,0003).',
      'Choisissez la variante à envoyer au reste.',
    ]);
    expect(pValue(0.00001, fr)).toBe('< 0,0001');
  });
});
