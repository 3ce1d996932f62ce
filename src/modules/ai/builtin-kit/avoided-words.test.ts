import { describe, expect, it } from 'vitest';
import { avoidedWords, containsAvoided } from './avoided-words.js';

// The brand's words to avoid: stems of 5 letters or more match their inflected forms, shorter words whole words only,
// several words as a phrase; case, accents and apostrophes ignored; scrub takes the whole word out.

describe('avoidedWords', () => {
  it('matches the forms of a word of 5 letters or more (any word starting with it)', () => {
    const avoid = avoidedWords(['gratuit', 'offert']);
    for (const text of [
      'Un guide gratuit',
      'Une séance gratuite',
      'Des ateliers gratuits',
      'Inscrivez-vous gratuitement',
      'La séance offerte',
      'Offerts à tous',
    ])
      expect(avoid.test(text), text).toBe(true);
    expect(avoid.test('Un guide complet, une offre unique')).toBe(false);
    // Only words that start with it: the stem inside another word is not a form of it.
    expect(avoid.test('Nos mots: ingratuit, contre-offert')).toBe(true); // "contre-offert": the hyphen starts a word
    expect(avoid.test('ingratuitement')).toBe(false);
  });

  it('ignores case and accents, on both sides', () => {
    expect(avoidedWords(['GRATUITE']).test('une séance gratuite')).toBe(true);
    expect(avoidedWords(['méthode']).test('La METHODE qui marche')).toBe(true);
    expect(avoidedWords(['methode']).test('Nos méthodes')).toBe(true);
    expect(avoidedWords(['Découvrez']).test('decouvrez la suite')).toBe(true);
    // Decomposed accents (e + combining acute) read the same.
    expect(avoidedWords(['méthode']).test('me\u0301thode')).toBe(true);
    expect(avoidedWords(['aujourd’hui']).test("Dès aujourd'hui")).toBe(true);
  });

  it('matches a word shorter than 5 letters as a whole word only', () => {
    const avoid = avoidedWords(['or', 'free', 'la']);
    expect(avoid.test('Une organisation sans faille')).toBe(false);
    expect(avoid.test('Freedom of choice')).toBe(false);
    expect(avoid.test('Free for members')).toBe(true);
    expect(avoid.test('Bronze, argent ou or.')).toBe(true);
    expect(avoid.test('Voilà')).toBe(false);
    expect(avoid.test('À la une')).toBe(true);
  });

  it('matches several words as a phrase, whatever the spaces between them', () => {
    const avoid = avoidedWords(['pas cher', 'prix cassé']);
    expect(avoid.test('Un coaching pas cher')).toBe(true);
    expect(avoid.test('Un coaching pas\u00a0cher !')).toBe(true);
    expect(avoid.test('Des PRIX CASSES')).toBe(false); // a phrase is matched as written, not as a stem
    expect(avoid.test('Des prix cassé')).toBe(true);
    expect(avoid.test('Ce n’est pas chercher loin')).toBe(false);
    expect(avoid.test('Pas de chéri')).toBe(false);
  });

  it('avoids nothing for an empty list or blank entries', () => {
    for (const words of [[], ['', '  ']]) {
      const avoid = avoidedWords(words);
      expect(avoid.any).toBe(false);
      expect(avoid.test('gratuit')).toBe(false);
      expect(avoid.scrub('Un guide gratuit')).toBe('Un guide gratuit');
    }
    expect(avoidedWords(['gratuit']).any).toBe(true);
  });

  it('takes the avoided words out of a text whole, and tidies the seams', () => {
    const avoid = avoidedWords(['gratuit', 'Instagram', 'pas cher', 'or']);
    expect(avoid.scrub('Une séance gratuite, sur Instagram.')).toBe('Une séance, sur.');
    expect(avoid.scrub('Inscrivez-vous GRATUITEMENT (pas cher) dès ce soir')).toBe('Inscrivez-vous dès ce soir');
    expect(avoid.scrub('Une organisation en or massif')).toBe('Une organisation en massif');
    // Accented text keeps its accents where nothing was removed; French spacing stays.
    expect(avoid.scrub('Élégante et gratuite\u202f!')).toBe('Élégante et\u202f!');
    expect(avoid.scrub('Rien à retirer ici')).toBe('Rien à retirer ici');
  });

  it('tests a list directly (containsAvoided), the same way', () => {
    expect(containsAvoided('Une méthode simple', ['Methode'])).toBe(true);
    expect(containsAvoided('Des méthodes simples', ['méthode'])).toBe(true);
    expect(containsAvoided('Une organisation', ['or'])).toBe(false);
    expect(containsAvoided('Une organisation', [])).toBe(false);
  });
});
