import { describe, expect, it } from 'vitest';
import { typeset } from './typography.js';

const NB = '\u00a0';
const NNB = '\u202f';

describe('typeset', () => {
  it('collapses white space, curls apostrophes, and tidies stops (any language)', () => {
    expect(typeset('en', "  It's   ready ,\n  isn't it ?  ")).toBe('It’s ready, isn’t it ?');
    expect(typeset('en', 'Done!.')).toBe('Done!');
    expect(typeset('en', 'Done..')).toBe('Done.');
    expect(typeset('en', 'Wait...')).toBe('Wait...');
    // A dot that starts a word is not a stop.
    expect(typeset('en', 'Learn .NET today')).toBe('Learn .NET today');
  });

  it('spaces French high punctuation and quotation marks with no-break spaces', () => {
    expect(typeset('fr', "Prêts ? C'est parti ! Au programme : « yoga » ; 20 %")).toBe(
      `Prêts${NNB}? C’est parti${NNB}! Au programme${NB}: «${NB}yoga${NB}»${NNB}; 20${NB}%`,
    );
    // Only where a space was typed; none is added to a word.
    expect(typeset('fr', 'Prêts?')).toBe('Prêts?');
    expect(typeset('en', 'Ready ? Go : now')).toBe('Ready ? Go : now');
  });

  it('keeps the no-break spaces a text already has, and normalises the one before ! ? ;', () => {
    expect(typeset('fr', `5${NB}variantes  et${NB} ${NB}plus`)).toBe(`5${NB}variantes et${NB}plus`);
    expect(typeset('fr', `Prêts${NB}?`)).toBe(`Prêts${NNB}?`);
    expect(typeset('fr', `Prêts${NNB}?`, { highSpace: 'full' })).toBe(`Prêts${NB}?`);
  });

  it('uses the full no-break space before ! ? ; and elides de/que when asked (ads)', () => {
    const ads = { highSpace: 'full', elide: true } as const;
    expect(typeset('fr', 'La méthode de Anne ? Plus que un cours !', ads)).toBe(`La méthode d’Anne${NB}? Plus qu’un cours${NB}!`);
    expect(typeset('fr', 'La méthode de Anne', {})).toBe('La méthode de Anne');
    // "de" inside a word is not elided; English is left alone.
    expect(typeset('fr', 'Monde entier', ads)).toBe('Monde entier');
    expect(typeset('en', 'de Anne ?', ads)).toBe('de Anne ?');
  });
});
