import type { TAiLanguage, TAiTone } from '../../../contracts/ai.js';

// The built-in rewrite's small library, per language. Every swap keeps the grammar of the sentence it lands in: same
// part of speech, gender and number, and the same first sound (a vowel for a vowel), so French elisions (l’, d’) and
// English articles (a, an) still fit. French follows the product's typography: ’ and a non-breaking space before
// ? ! : ;.

const NB = '\u00a0';

/** Words that carry no meaning in marketing copy: the first to go when a text is shortened. */
export const FILLERS: Record<TAiLanguage, string[]> = {
  fr: [
    'tout simplement',
    'en quelque sorte',
    'bien entendu',
    'en fait',
    'au fond',
    'vraiment',
    'simplement',
    'absolument',
    'littéralement',
    'franchement',
    'réellement',
    'justement',
    'finalement',
  ],
  en: ['of course', 'in fact', 'really', 'very', 'actually', 'basically', 'just', 'simply', 'truly', 'literally', 'quite', 'totally'],
};

/** Groups of interchangeable words: a rewrite trades each for another of its group. */
export const SYNONYMS: Record<TAiLanguage, string[][]> = {
  fr: [
    ['simple', 'facile'],
    ['simples', 'faciles'],
    ['rapidement', 'vite'],
    ['découvrez', 'explorez'],
    ['indispensable', 'essentiel'],
    ['indispensables', 'essentiels'],
    ['idéal', 'optimal'],
    ['facilement', 'sans effort'],
    ['profitez', 'bénéficiez'],
    ['inscrivez-vous', 'réservez votre place'],
    ['concrets', 'pratiques'],
    ['étape par étape', 'pas à pas'],
  ],
  en: [
    ['simple', 'straightforward'],
    ['quickly', 'fast'],
    ['discover', 'explore'],
    ['improve', 'boost'],
    ['essential', 'indispensable'],
    ['ideal', 'optimal'],
    ['easily', 'effortlessly'],
    ['great', 'superb'],
    ['sign up', 'register'],
    ['results', 'outcomes'],
    ['step by step', 'one step at a time'],
  ],
};

/** Words a tone changes (one way: the casual word becomes the tone's word). */
export const TONE_SWAPS: Record<TAiLanguage, Record<TAiTone, [string, string][]>> = {
  fr: {
    professional: [
      // Epicene (remarquable), as super and top are: the swap fits a feminine noun too.
      ['super', 'remarquable'],
      ['génial', 'remarquable'],
      ['géniale', 'remarquable'],
      ['top', 'remarquable'],
      ['hyper', 'très'],
      ['Salut', 'Bonjour'],
      ['Coucou', 'Bonjour'],
    ],
    friendly: [
      ['Madame, Monsieur', 'Bonjour'],
      ['Cordialement', 'À très bientôt'],
      ['nous vous invitons à', 'on vous invite à'],
    ],
    enthusiastic: [
      ['intéressant', 'passionnant'],
      ['intéressante', 'passionnante'],
      ['bon', 'excellent'],
      ['très', 'vraiment'],
    ],
    inspiring: [
      ['problème', 'défi'],
      ['problèmes', 'défis'],
      ['changer', 'transformer'],
    ],
    direct: [['nous vous invitons à', 'vous pouvez']],
    playful: [
      ['Madame, Monsieur', 'Coucou'],
      ['Bonjour', 'Coucou'],
    ],
  },
  en: {
    professional: [
      ['awesome', 'excellent'],
      ['super', 'very'],
      ['cool', 'valuable'],
      ['Hey', 'Hello'],
      ['Hi', 'Hello'],
    ],
    friendly: [
      ['Dear Sir or Madam', 'Hi there'],
      ['Regards', 'Talk soon'],
      ['we invite you to', 'come and'],
    ],
    enthusiastic: [
      ['interesting', 'exciting'],
      ['good', 'great'],
    ],
    inspiring: [
      ['problem', 'challenge'],
      ['problems', 'challenges'],
    ],
    direct: [['we invite you to', 'you can']],
    playful: [
      ['Dear Sir or Madam', 'Hey there'],
      ['Hello', 'Hey there'],
    ],
  },
};

/** A sentence to end on, per tone: lengthen adds one, change_tone ends with one. */
export const CLOSINGS: Record<TAiLanguage, Record<TAiTone, string[]>> = {
  fr: {
    professional: ['Nous restons à votre disposition pour toute question.', 'Chaque détail a été pensé pour vous faire gagner du temps.'],
    friendly: [`On a hâte de vous retrouver${NB}!`, 'Et si vous avez la moindre question, répondez simplement à ce message.'],
    enthusiastic: [`C’est le moment idéal pour vous lancer${NB}!`, `Vous allez adorer la suite${NB}!`],
    inspiring: ['Chaque grand changement commence par un premier pas.', 'Le meilleur moment pour commencer, c’est maintenant.'],
    direct: ['Passez à l’action dès aujourd’hui.', `Tout est prêt${NB}: il ne manque que vous.`],
    playful: [`Promis, ça va vous plaire${NB}!`, `Petit secret${NB}: la suite est encore meilleure.`],
  },
  en: {
    professional: ['We remain available should you have any questions.', 'Every detail is designed to save you time.'],
    friendly: ['We can’t wait to see you there!', 'And if you have any question, just reply to this message.'],
    enthusiastic: ['This is the perfect moment to get started!', 'You’re going to love what comes next!'],
    inspiring: ['Every big change starts with a first step.', 'The best time to begin is now.'],
    direct: ['Take action today.', 'Everything is ready: all it takes is you.'],
    playful: ['Promise, you’ll love it!', 'Little secret: the best part is still to come.'],
  },
};
