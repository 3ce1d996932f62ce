import { describe, expect, it } from 'vitest';
import { guessLanguage, rewriteRequest } from './ai-rewrite-text.js';

describe('guessLanguage', () => {
  it('recognises French and English sentences', () => {
    expect(guessLanguage('Découvrez la méthode qui a aidé des centaines de coachs à remplir leur agenda.', 'en')).toBe('fr');
    expect(guessLanguage('Rejoignez le programme dès aujourd’hui', 'en')).toBe('fr');
    expect(guessLanguage('Join the programme and grow your coaching business this year.', 'fr')).toBe('en');
    expect(guessLanguage("It's time to book your free call", 'fr')).toBe('en');
  });

  it('falls back when the text says nothing either way', () => {
    expect(guessLanguage('Coaching 360', 'fr')).toBe('fr');
    expect(guessLanguage('Coaching 360', 'en')).toBe('en');
    expect(guessLanguage('', 'en')).toBe('en');
  });
});

describe('rewriteRequest', () => {
  it('sends the text trimmed, the action and the guessed language', () => {
    expect(rewriteRequest('  Une offre pour vous  ', { action: 'shorten' }, 'en')).toEqual({ text: 'Une offre pour vous', action: 'shorten', language: 'fr' });
  });

  it('sends the tone of a change of tone', () => {
    expect(rewriteRequest('Book your call', { action: 'change_tone', tone: 'playful' }, 'fr')).toEqual({
      text: 'Book your call',
      action: 'change_tone',
      tone: 'playful',
      language: 'en',
    });
  });

  it('translates from the other language to the one chosen, whatever the text looks like', () => {
    expect(rewriteRequest('Bonjour à tous', { action: 'translate', to: 'en' }, 'en')).toMatchObject({ action: 'translate', language: 'fr' });
    expect(rewriteRequest('Hello everyone', { action: 'translate', to: 'fr' }, 'fr')).toMatchObject({ action: 'translate', language: 'en' });
  });
});
