import { describe, expect, it } from 'vitest';
import { capitalize, fold, foldWithOrigin, lowerFirst, startsWithAcronym } from './text-case.js';

describe('text case', () => {
  it('capitalizes the first letter only', () => {
    expect(capitalize('la masterclass')).toBe('La masterclass');
    expect(capitalize('été')).toBe('Été');
    expect(capitalize('')).toBe('');
  });

  it('lower-cases the first letter unless the text starts with an acronym or a word in capitals', () => {
    expect(lowerFirst('Futures mamans')).toBe('futures mamans');
    expect(lowerFirst('Équipes RH')).toBe('équipes RH');
    for (const kept of ['PME et TPE', 'RH', 'A/B testeurs', 'PMEs du Sud', 'iPhone users', 'eBook lovers', '']) expect(lowerFirst(kept)).toBe(kept);
    expect(startsWithAcronym('PME')).toBe(true);
    expect(startsWithAcronym('Pme')).toBe(false);
    expect(startsWithAcronym('A guide')).toBe(false);
  });

  it('folds case, accents and apostrophes, and maps folded positions back to the text', () => {
    expect(fold('Méthode À L’ÉTÉ')).toBe("methode a l'ete");
    expect(fold('me\u0301thode')).toBe('methode');
    const { folded, origin } = foldWithOrigin('e\u0301té');
    expect(folded).toBe('ete');
    expect(origin).toEqual([0, 2, 3, 4]);
  });
});
