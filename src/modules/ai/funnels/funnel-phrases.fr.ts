import type { TFunnelPageRole } from '../../../contracts/ai.js';
import type { TFunnelType } from '../../../contracts/funnels.js';
import { capitalize as C } from '../builtin-kit/text-case.js';
import { FR_OFFER_ROLES } from './funnel-offer-phrases.fr.js';
import { agree, ifFree, ifPaid, type TFunnelPhrasebook, type TNoun, type TRolePhrases } from './phrase-kit.js';

// The French phrasings of the pages before the sale (registration, opt-in, application, confirmation, replay) and after
// it (thank-you, members' welcome). Frameworks: PAS (problem, agitation, solution) for the pages that ask for an
// address, reassurance for the pages that follow an action. The brief's words are framed (« … », « pour … »,
// « sur le thème : … »), never inflected; every slot keeps a phrasing without them for long topics.

const noun = (bare: string, fem: boolean, forms: Omit<TNoun, 'bare' | 'fem'>): TNoun => ({ bare, fem, ...forms });

const ENTRY: Record<TFunnelType, TNoun> = {
  webinar: noun('masterclass', true, {
    the: 'la masterclass',
    a: 'une masterclass',
    of: 'de la masterclass',
    to: 'à la masterclass',
    this: 'cette masterclass',
    your: 'votre masterclass',
  }),
  product: noun('vidéo', true, { the: 'la vidéo', a: 'une vidéo', of: 'de la vidéo', to: 'à la vidéo', this: 'cette vidéo', your: 'votre vidéo' }),
  service: noun('appel découverte', false, {
    the: 'l’appel découverte',
    a: 'un appel découverte',
    of: 'de l’appel découverte',
    to: 'à l’appel découverte',
    this: 'cet appel découverte',
    your: 'votre appel découverte',
  }),
  lead_magnet: noun('guide', false, { the: 'le guide', a: 'un guide', of: 'du guide', to: 'au guide', this: 'ce guide', your: 'votre guide' }),
  membership: noun('club', false, { the: 'le club', a: 'un club', of: 'du club', to: 'au club', this: 'ce club', your: 'votre club' }),
};

const OFFER: Record<TFunnelType, TNoun> = {
  webinar: noun('programme', false, {
    the: 'le programme',
    a: 'un programme',
    of: 'du programme',
    to: 'au programme',
    this: 'ce programme',
    your: 'votre programme',
  }),
  product: noun('formation', true, {
    the: 'la formation',
    a: 'une formation',
    of: 'de la formation',
    to: 'à la formation',
    this: 'cette formation',
    your: 'votre formation',
  }),
  service: noun('accompagnement', false, {
    the: 'l’accompagnement',
    a: 'un accompagnement',
    of: 'de l’accompagnement',
    to: 'à l’accompagnement',
    this: 'cet accompagnement',
    your: 'votre accompagnement',
  }),
  lead_magnet: noun('programme complet', false, {
    the: 'le programme complet',
    a: 'un programme complet',
    of: 'du programme complet',
    to: 'au programme complet',
    this: 'ce programme complet',
    your: 'votre programme complet',
  }),
  membership: noun('club', false, { the: 'le club', a: 'un club', of: 'du club', to: 'au club', this: 'ce club', your: 'votre club' }),
};

const UPSELL = noun('accompagnement premium', false, {
  the: 'l’accompagnement premium',
  a: 'un accompagnement premium',
  of: 'de l’accompagnement premium',
  to: 'à l’accompagnement premium',
  this: 'cet accompagnement premium',
  your: 'votre accompagnement premium',
});
const DOWNSELL = noun('version essentielle', true, {
  the: 'la version essentielle',
  a: 'une version essentielle',
  of: 'de la version essentielle',
  to: 'à la version essentielle',
  this: 'cette version essentielle',
  your: 'votre version essentielle',
});

/** Registration to a masterclass (PAS). */
const registration: TRolePhrases = {
  name: [(v) => `Inscription ${v.entry.to}`, (v) => `Inscription : ${v.topic}`],
  seo_title: [
    (v) => `${C(v.topic)} : ${v.entry.bare} ${agree(v.entry, 'gratuit', 'gratuite')}`,
    (v) => `${C(v.entry.bare)} ${agree(v.entry, 'gratuit', 'gratuite')} : ${v.topic}`,
    (v) => `Inscription gratuite ${v.entry.to}`,
    (v) => `Inscription : ${C(v.topic)}`,
    () => 'Réservez votre place en ligne',
    (v) => `${C(v.entry.the)} ${agree(v.entry, 'gratuit', 'gratuite')} ${v.ofBrand}`,
  ],
  seo_description: [
    (v) => `Inscrivez-vous gratuitement ${v.entry.to} ${v.topicQ} : une méthode claire et des étapes concrètes, pour ${v.audience}.`,
    (v) => `${C(v.entry.a)} ${agree(v.entry, 'gratuit', 'gratuite')} sur le thème ${v.topicQ}, avec une méthode pas à pas et vos questions en direct.`,
    (v) => `Inscrivez-vous gratuitement ${v.entry.to} et repartez avec une méthode claire et des étapes concrètes, à appliquer dès le lendemain.`,
    (v) => `Inscrivez-vous ${v.entry.to} et repartez avec un plan d’action clair, à appliquer dès le lendemain.`,
  ],
  eyebrow: {
    base: [
      (v) => `${C(v.entry.bare)} ${agree(v.entry, 'gratuit', 'gratuite')} en ligne`,
      () => 'Inscription gratuite',
      () => 'En ligne et gratuit',
      () => 'En ligne, en direct',
    ],
    tones: {
      enthusiastic: [(v) => `${C(v.entry.bare)} ${agree(v.entry, 'gratuit', 'gratuite')} en direct !`],
      playful: [() => 'Gratuit, en ligne, sans jargon'],
    },
  },
  headline: [
    (v) => `${C(v.topic)} : la méthode claire pour avancer enfin, étape par étape`,
    (v) => `${C(v.entry.the)} ${v.topicQ} : passez de l’intention à l’action`,
    (v) => `Rejoignez ${v.entry.the} ${v.topicQ} et repartez avec un plan d’action`,
    () => 'Passez enfin de l’intention à l’action, avec une méthode claire',
    () => 'La méthode claire qui vous manquait pour avancer sereinement',
    () => 'Passez enfin de l’intention à l’action, étape par étape',
  ],
  promise: [
    (v) =>
      `Vous voulez avancer sur le thème ${v.topicQ} sans savoir par où commencer ? Pendant ${v.entry.this}, ${v.brand} vous montre une méthode simple, étape par étape, pensée pour ${v.audience}.`,
    (v) => `Pendant ${v.entry.this}, découvrez une méthode simple et concrète pour avancer sur le thème ${v.topicQ}, sans vous disperser.`,
    () => 'Trop d’informations, pas assez de clarté ? En une séance, découvrez une méthode simple et concrète pour passer à l’action sans vous disperser.',
    (v) => `Pendant ${v.entry.this}, découvrez comment avancer sur le thème ${v.topicQ}, étape par étape, sans vous disperser.`,
    () => 'Trop d’informations, pas assez de clarté ? En une séance, découvrez comment passer à l’action, étape par étape, sans vous disperser.',
  ],
  bullets: [
    (v) => `Les erreurs les plus fréquentes sur le thème ${v.topicQ}, et comment les éviter`,
    () => 'Une méthode en étapes simples, à appliquer dès le lendemain',
    () => 'Les priorités à fixer pour avancer sans vous disperser',
    () => 'Des exemples concrets, expliqués pas à pas',
    () => 'Un plan d’action clair pour les prochaines semaines',
    () => 'Les réponses à vos questions, en direct',
  ],
  sections: [
    {
      title: [() => 'Vous vous reconnaissez ?', () => 'Ce qui vous freine aujourd’hui'],
      text: [
        (v) =>
          `Le thème ${v.topicQ} compte pour vous, mais entre les conseils contradictoires et le manque de temps, difficile de savoir par où commencer. Résultat : vous remettez à plus tard, et rien ne change.`,
        () =>
          'Les conseils se contredisent, le temps manque, et l’on ne sait plus par où commencer. Résultat : on remet à plus tard, et rien ne change vraiment.',
      ],
    },
    {
      title: [() => 'Ce que l’attente vous coûte', () => 'Pourquoi ne pas attendre plus longtemps'],
      text: [
        () => 'Chaque mois passé à hésiter, c’est de l’énergie dépensée sans résultat visible. Et plus on attend, plus le premier pas paraît difficile.',
        () => 'Sans méthode, on s’épuise à tout essayer à la fois. Avec un cap clair, chaque heure investie vous rapproche vraiment de votre objectif.',
      ],
    },
    {
      title: [(v) => `Ce que vous propose ${v.entry.this}`, () => 'La solution : une méthode claire'],
      text: [
        (v) =>
          `${C(v.entry.the)} ${v.topicQ} vous donne une méthode simple, étape par étape, ${agree(v.entry, 'pensé', 'pensée')} pour ${v.audience}. Vous repartez avec un plan d’action concret, applicable dès le lendemain.`,
        (v) =>
          `${C(v.entry.this)} vous donne une méthode simple, étape par étape, et un plan d’action concret, applicable dès le lendemain. Vos questions trouvent leur réponse en direct.`,
        (v) =>
          `${C(v.entry.this)} vous donne les étapes clés, dans le bon ordre, et un plan d’action concret, applicable dès le lendemain. Vos questions trouvent leur réponse en direct.`,
      ],
    },
    {
      title: [(v) => `À qui s’adresse ${v.entry.this} ?`, () => 'Pour qui ?'],
      text: [
        (v) =>
          `${C(v.entry.this)} est ${agree(v.entry, 'pensé', 'pensée')} pour ${v.audience}. Aucun prérequis : nous partons des bases pour aller vers le concret.`,
        () => 'Pour toutes celles et ceux qui veulent avancer avec méthode, sans jargon. Aucun prérequis : nous partons des bases pour aller vers le concret.',
      ],
    },
  ],
  faq: [
    {
      question: [(v) => `${C(v.entry.this)} est-${agree(v.entry, 'il', 'elle')} vraiment ${agree(v.entry, 'gratuit', 'gratuite')} ?`],
      answer: [() => 'Oui, l’inscription est entièrement gratuite. À la fin, une offre pour aller plus loin vous est présentée, sans aucune obligation.'],
    },
    {
      question: [() => 'Dois-je être disponible en direct ?'],
      answer: [() => 'C’est préférable pour poser vos questions, mais un replay est prévu pour les inscrits, pendant une durée limitée.'],
    },
    {
      question: [() => 'Faut-il installer un logiciel ?'],
      answer: [() => 'Non. Tout se passe dans votre navigateur, sur ordinateur, tablette ou téléphone.'],
    },
    {
      question: [() => 'Je débute : est-ce pour moi ?'],
      answer: [
        (v) =>
          `Oui. ${C(v.entry.the)} part des bases et avance pas à pas ; si vous avez déjà de l’expérience, vous y trouverez de quoi structurer vos efforts.`,
      ],
    },
  ],
  cta_label: {
    base: [() => 'Je réserve ma place gratuite', () => 'Je m’inscris gratuitement', () => 'Je réserve ma place'],
    tones: { enthusiastic: [() => 'Oui, je réserve ma place !'], direct: [() => 'Je m’inscris'] },
  },
  cta_note: [
    () => 'Inscription gratuite, sans engagement. Vos données restent confidentielles.',
    () => 'Gratuit et sans engagement : votre lien d’accès arrive par e-mail.',
    () => 'Sans engagement : votre lien d’accès arrive par e-mail. Vos données restent confidentielles.',
  ],
  guarantee: [
    () => 'Aucun engagement : l’inscription est gratuite et vous pouvez vous désabonner des e-mails en un clic, à tout moment.',
    () => 'Zéro risque : c’est gratuit, vos données restent confidentielles et un clic suffit pour ne plus recevoir nos e-mails.',
    () => 'Aucun engagement : vos données restent confidentielles et vous pouvez vous désabonner des e-mails en un clic, à tout moment.',
  ],
};

/** Opt-in for a free guide (PAS): the lead magnet's first page. */
const optin: TRolePhrases = {
  name: [
    (v) => `${C(v.entry.the)} ${agree(v.entry, 'gratuit', 'gratuite')}`,
    (v) => `${C(v.entry.bare)} : ${v.topic}`,
    (v) => `${C(v.entry.the)} ${v.ofBrand}`,
  ],
  seo_title: [
    (v) => `${C(v.entry.bare)} ${agree(v.entry, 'gratuit', 'gratuite')} : ${v.topic}`,
    (v) => `${C(v.topic)} : ${v.entry.the} ${agree(v.entry, 'gratuit', 'gratuite')}`,
    (v) => `Recevez ${v.entry.the} ${agree(v.entry, 'gratuit', 'gratuite')} ${v.ofBrand}`,
    (v) => `Recevez ${v.entry.the} ${agree(v.entry, 'gratuit', 'gratuite')}`,
    (v) => `${C(v.topic)} : recevez ${v.entry.the}`,
    (v) => `Recevez ${v.entry.the} ${v.ofBrand}`,
    (v) => `Recevez ${v.entry.your} par e-mail`,
  ],
  seo_description: [
    (v) => `Recevez gratuitement ${v.entry.the} ${v.topicQ} : des conseils concrets, pensés pour ${v.audience}, à appliquer tout de suite.`,
    (v) => `${C(v.entry.the)} ${v.topicQ}, offert : des étapes claires et des conseils concrets, envoyés directement dans votre boîte e-mail.`,
    (v) => `Recevez gratuitement ${v.entry.the} : des étapes claires et des conseils concrets, envoyés directement dans votre boîte e-mail.`,
    (v) => `Recevez ${v.entry.the} ${v.topicQ} : des conseils concrets, pensés pour ${v.audience}, à appliquer tout de suite.`,
    (v) => `Recevez ${v.entry.the} : des étapes claires et des conseils concrets, envoyés directement dans votre boîte e-mail.`,
  ],
  eyebrow: {
    base: [
      (v) => `${C(v.entry.bare)} ${agree(v.entry, 'gratuit', 'gratuite')}`,
      (v) => `${C(v.entry.bare)} ${agree(v.entry, 'offert', 'offerte')}`,
      () => 'Ressource gratuite',
      (v) => `${C(v.entry.bare)} pratique`,
      () => 'À recevoir par e-mail',
    ],
    tones: { enthusiastic: [(v) => `Votre ${v.entry.bare} ${agree(v.entry, 'offert', 'offerte')} !`] },
  },
  headline: [
    (v) => `${C(v.topic)} : les étapes clés, réunies dans ${v.entry.a} ${agree(v.entry, 'gratuit', 'gratuite')}`,
    (v) => `Recevez ${v.entry.the} ${v.topicQ} et passez enfin à l’action`,
    (v) => `Les étapes clés pour avancer, réunies dans ${v.entry.a} ${agree(v.entry, 'gratuit', 'gratuite')}`,
    () => 'Arrêtez de chercher partout : l’essentiel est réuni ici, gratuitement',
    () => 'Arrêtez de chercher partout : l’essentiel est réuni ici',
    (v) => `Les étapes clés pour avancer, réunies dans ${v.entry.a} pratique`,
  ],
  promise: [
    (v) =>
      `Vous cherchez des réponses claires sur le thème ${v.topicQ} ? ${C(v.entry.this)} réunit l’essentiel, sans jargon, pour ${v.audience}. Indiquez votre adresse e-mail : ${agree(v.entry, 'il', 'elle')} vous est ${agree(v.entry, 'envoyé', 'envoyée')} tout de suite.`,
    (v) =>
      `Trop d’informations éparpillées, pas assez de clarté ? ${C(v.entry.this)} réunit l’essentiel, étape par étape. Indiquez votre adresse e-mail : ${agree(v.entry, 'il', 'elle')} vous est ${agree(v.entry, 'envoyé', 'envoyée')} tout de suite.`,
  ],
  bullets: [
    (v) => `L’essentiel à savoir sur le thème ${v.topicQ}, sans jargon`,
    () => 'Les étapes clés, dans le bon ordre',
    () => 'Les erreurs fréquentes à éviter dès le départ',
    () => 'Des conseils concrets, applicables tout de suite',
    () => 'Une liste d’actions simple pour passer à la pratique',
  ],
  sections: [
    {
      title: [() => 'Vous vous reconnaissez ?', () => 'Le problème'],
      text: [
        (v) =>
          `Sur le thème ${v.topicQ}, les conseils abondent et se contredisent. On lit, on enregistre, on met de côté… et l’on ne sait toujours pas par quoi commencer.`,
        () => 'Les conseils abondent et se contredisent. On lit, on enregistre, on met de côté… et l’on ne sait toujours pas par quoi commencer.',
      ],
    },
    {
      title: [() => 'Pourquoi c’est frustrant', () => 'Ce que cela vous coûte'],
      text: [() => 'Chaque semaine sans cap clair, c’est du temps et de l’énergie dispersés. Et plus on repousse, plus le premier pas semble lourd.'],
    },
    {
      title: [(v) => `Ce que contient ${v.entry.this}`, () => 'La solution'],
      text: [
        (v) =>
          `${C(v.entry.this)} va droit au but : les étapes clés, les erreurs à éviter et une liste d’actions, ${agree(v.entry, 'pensé', 'pensée')} pour ${v.audience}.`,
        (v) => `${C(v.entry.this)} va droit au but : les étapes clés, les erreurs à éviter et une liste d’actions simple pour passer à la pratique.`,
      ],
    },
  ],
  faq: [
    {
      question: [(v) => `${C(v.entry.this)} est-${agree(v.entry, 'il', 'elle')} vraiment ${agree(v.entry, 'gratuit', 'gratuite')} ?`],
      answer: [
        (v) =>
          `Oui. Indiquez simplement votre adresse e-mail pour ${agree(v.entry, 'le', 'la')} recevoir. Vous pourrez vous désabonner en un clic à tout moment.`,
      ],
    },
    {
      question: [(v) => `Comment vais-je recevoir ${v.entry.the} ?`],
      answer: [() => 'Par e-mail, quelques instants après votre inscription. Pensez à vérifier vos courriers indésirables.'],
    },
    {
      question: [() => 'Est-ce adapté si je débute ?'],
      answer: [
        () =>
          'Oui : tout part des bases, avec des étapes simples. Si vous avez déjà de l’expérience, vous y trouverez une méthode pour structurer vos efforts.',
        () => 'Oui : tout part des bases, avec des étapes simples. Si vous avez déjà de l’expérience, vous y trouverez de quoi structurer vos efforts.',
      ],
    },
    {
      question: [() => 'Que faites-vous de mon adresse e-mail ?'],
      answer: [
        (v) => `Elle sert uniquement à vous envoyer ${v.entry.the} et les conseils ${v.ofBrand}. Elle n’est jamais revendue.`,
        () => 'Elle sert uniquement à vous envoyer nos contenus. Elle n’est jamais revendue.',
      ],
    },
  ],
  cta_label: {
    base: [(v) => `Je reçois ${v.entry.the}`, (v) => `Envoyez-moi ${v.entry.the}`, (v) => `Je ${agree(v.entry, 'le', 'la')} reçois gratuitement`],
    tones: { enthusiastic: [(v) => `Oui, je veux ${v.entry.the} !`] },
  },
  cta_note: [() => 'Gratuit, envoyé tout de suite par e-mail. Désabonnement en un clic.', () => 'Aucun spam : vos données restent confidentielles.'],
  guarantee: [
    () => 'Aucun engagement : c’est gratuit, vos données restent confidentielles et vous pouvez vous désabonner en un clic à tout moment.',
    () => 'Aucun engagement : vos données restent confidentielles et vous pouvez vous désabonner en un clic à tout moment.',
  ],
};

/** A discovery call request (PAS): the service funnel's first page. */
const serviceOptin: TRolePhrases = {
  name: [() => 'Appel découverte offert', (v) => `Appel découverte : ${v.topic}`, () => 'Demande d’appel découverte'],
  seo_title: [
    (v) => `Appel découverte offert : ${v.topic}`,
    (v) => `${C(v.topic)} : réservez votre appel découverte`,
    () => 'Réservez votre appel découverte offert',
    () => 'Réservez votre appel découverte',
  ],
  seo_description: [
    (v) => `Un échange offert et sans engagement pour faire le point sur votre situation, sur le thème ${v.topicQ}, et repartir avec des pistes claires.`,
    () => 'Un échange offert et sans engagement pour faire le point sur votre situation et repartir avec des pistes claires.',
    (v) => `Un premier échange sans engagement pour faire le point sur votre situation, sur le thème ${v.topicQ}, et repartir avec des pistes claires.`,
    () => 'Un premier échange sans engagement pour faire le point sur votre situation et repartir avec des pistes claires.',
  ],
  eyebrow: [() => 'Appel découverte offert', () => 'Premier échange sans engagement'],
  headline: [
    (v) => `${C(v.topic)} : faisons le point ensemble, gratuitement`,
    (v) => `Parlons de votre projet sur le thème ${v.topicQ}`,
    () => 'Faisons le point ensemble sur votre situation, sans engagement',
  ],
  promise: [
    (v) =>
      `Vous avancez seul et vous aimeriez un regard extérieur ? ${C(v.brand)} vous propose un premier échange offert pour comprendre votre situation et vous donner des pistes concrètes, pour ${v.audience}.`,
    () =>
      'Vous avancez seul et vous aimeriez un regard extérieur ? Un premier échange offert pour comprendre votre situation et repartir avec des pistes concrètes.',
    (v) =>
      `Vous avancez seul et vous aimeriez un regard extérieur ? ${C(v.brand)} vous propose un premier échange, sans engagement, pour comprendre votre situation et vous donner des pistes concrètes, pour ${v.audience}.`,
    () =>
      'Vous avancez seul et vous aimeriez un regard extérieur ? Un premier échange sans engagement pour comprendre votre situation et repartir avec des pistes concrètes.',
  ],
  bullets: [
    () => 'Un échange personnalisé, centré sur votre situation',
    () => 'Un regard extérieur sur ce qui vous freine aujourd’hui',
    () => 'Des pistes concrètes, même si nous ne travaillons pas ensemble',
    () => 'Aucune obligation à l’issue de l’appel',
    (v) => `Des réponses claires à vos questions sur le thème ${v.topicQ}`,
  ],
  sections: [
    {
      title: [() => 'Vous vous reconnaissez ?', () => 'Là où vous en êtes'],
      text: [() => 'Vous savez où vous voulez aller, mais seul, il est difficile de prendre du recul et de choisir les bonnes priorités.'],
    },
    {
      title: [() => 'Ce que cela vous coûte', () => 'Pourquoi en parler maintenant'],
      text: [() => 'À force de tout porter seul, on tourne en rond, on doute, et les semaines passent sans que les choses avancent vraiment.'],
    },
    {
      title: [() => 'Comment se passe l’appel', () => 'Le déroulé'],
      text: [
        (v) =>
          `Nous faisons le point sur votre situation et vos objectifs, puis nous voyons ensemble si ${v.offer.the} ${v.ofBrand} peut vous aider. Sinon, vous repartez avec des pistes concrètes.`,
        (v) =>
          `Nous faisons le point sur votre situation et vos objectifs, puis nous voyons ensemble si ${v.offer.the} peut vous aider. Sinon, vous repartez avec des pistes concrètes.`,
      ],
    },
  ],
  faq: [
    {
      question: [() => 'L’appel est-il vraiment offert ?'],
      answer: [() => 'Oui, il est offert et sans engagement : c’est un premier échange pour faire connaissance.'],
    },
    {
      question: [() => 'Comment se déroule la suite ?'],
      answer: [() => 'Après votre demande, quelques questions vous permettent de préciser votre situation, puis nous vous recontactons pour fixer un créneau.'],
    },
    {
      question: [() => 'Et si ce n’est pas pour moi ?'],
      answer: [() => 'Aucun problème : nous vous le dirons franchement, et vous repartirez tout de même avec des pistes utiles.'],
    },
    {
      question: [() => 'Comment préparer l’appel ?'],
      answer: [() => 'Notez simplement vos objectifs et ce qui vous bloque aujourd’hui : nous partirons de là pour que l’échange vous soit utile.'],
    },
  ],
  cta_label: [() => 'Je demande mon appel offert', () => 'Je réserve mon échange', () => 'Je demande un appel'],
  cta_note: [() => 'Offert et sans engagement. Vos données restent confidentielles.', () => 'Sans engagement. Vos données restent confidentielles.'],
  guarantee: [
    () => 'Aucun engagement : l’appel est offert, et vous décidez ensuite, en toute liberté, de la suite à donner.',
    () => 'Aucun engagement : l’appel sert à faire connaissance, et vous décidez ensuite, en toute liberté, de la suite à donner.',
  ],
};

/** The application form of a service funnel (PAS, qualifying). */
const application: TRolePhrases = {
  name: [() => 'Votre candidature', (v) => `Candidature : ${v.topic}`],
  seo_title: [(v) => `Candidature ${v.offer.to}`, (v) => `${C(v.topic)} : votre candidature`, () => 'Complétez votre candidature'],
  seo_description: [() => 'Quelques informations pour préparer votre appel découverte et vérifier que nous pouvons vraiment vous aider.'],
  eyebrow: [() => 'Dernière étape', () => 'Votre candidature'],
  headline: [
    () => 'Parlez-nous un peu de vous pour préparer votre appel',
    (v) => `Candidature ${v.offer.to} : encore une étape`,
    () => 'Encore une étape : quelques informations pour bien vous accompagner',
  ],
  promise: [
    () =>
      'Ces quelques informations nous permettent de préparer l’échange et de vérifier que nous pouvons vraiment vous aider. Cela prend moins de deux minutes.',
  ],
  bullets: [
    () => 'Un appel préparé à partir de votre situation réelle',
    () => 'Un échange plus utile, dès les premières minutes',
    () => 'Une réponse franche sur ce que nous pouvons vous apporter',
    () => 'Vos informations restent strictement confidentielles',
  ],
  sections: [
    {
      title: [() => 'Pourquoi ces questions ?', () => 'À quoi servent ces informations'],
      text: [() => 'Pour ne pas perdre de temps en généralités : en connaissant votre contexte, nous consacrons l’appel à ce qui compte pour vous.'],
    },
    {
      title: [() => 'Ce qui se passe ensuite', () => 'La suite'],
      text: [() => 'Nous lisons chaque candidature avec attention, puis nous vous recontactons pour convenir d’un créneau qui vous convient.'],
    },
  ],
  faq: [
    { question: [() => 'Combien de temps cela prend-il ?'], answer: [() => 'Moins de deux minutes : seules quelques informations sont nécessaires.'] },
    {
      question: [() => 'Suis-je engagé en envoyant ma candidature ?'],
      answer: [() => 'Non. La candidature sert à préparer l’échange ; vous restez libre de la suite.'],
    },
    {
      question: [() => 'Qui lit mes réponses ?'],
      answer: [
        (v) => `Uniquement l’équipe ${v.ofBrand}. Vos informations ne sont jamais partagées.`,
        () => 'Uniquement notre équipe. Vos informations ne sont jamais partagées.',
      ],
    },
  ],
  cta_label: [() => 'J’envoie ma candidature', () => 'Je valide ma candidature'],
  cta_note: [() => 'Sans engagement. Réponse sous peu par e-mail ou par téléphone.', () => 'Vos informations restent confidentielles.'],
  guarantee: [() => 'Aucun engagement : envoyer votre candidature ne vous oblige à rien, et vos informations restent strictement confidentielles.'],
};

/** After registering to a masterclass (reassurance, next steps). */
const confirmation: TRolePhrases = {
  name: [() => 'Confirmation d’inscription', () => 'Inscription confirmée'],
  seo_title: [(v) => `Votre place est réservée : ${v.topic}`, () => 'Votre inscription est confirmée'],
  seo_description: [
    (v) => `Votre inscription ${v.entry.to} ${v.topicQ} est confirmée. Ajoutez la date à votre agenda et préparez vos questions.`,
    () => 'Votre inscription est confirmée. Ajoutez la date à votre agenda et préparez vos questions.',
  ],
  eyebrow: [() => 'Inscription confirmée', () => 'C’est confirmé'],
  headline: {
    base: [
      (v) => `Merci ! Votre inscription ${v.entry.to} ${v.topicQ} est confirmée`,
      () => 'C’est confirmé : votre place est réservée',
      () => 'Bienvenue : votre place est bien réservée',
    ],
    tones: { enthusiastic: [() => 'C’est confirmé : votre place est réservée !'] },
  },
  promise: [
    () => 'Vous allez recevoir un e-mail avec la date de votre session et votre lien d’accès personnel. Pensez à vérifier vos courriers indésirables.',
    () => 'Un e-mail de confirmation est en route, avec la date de votre session et votre lien d’accès personnel. Gardez-le précieusement.',
  ],
  bullets: [
    () => 'Ajoutez la date à votre agenda dès maintenant',
    () => 'Notez la question que vous aimeriez poser',
    () => 'Prévoyez un endroit calme et de quoi prendre des notes',
    () => 'Connectez-vous quelques minutes avant le début',
    () => 'Ajoutez notre adresse à vos contacts pour recevoir les rappels',
  ],
  sections: [
    {
      title: [() => 'Et maintenant ?', () => 'La suite'],
      text: [
        (v) => `Un e-mail ${v.ofBrand} vous attend avec votre lien d’accès. Gardez-le : c’est lui qui vous ouvre la salle le jour venu.`,
        () => 'Un e-mail vous attend avec votre lien d’accès. Gardez-le : c’est lui qui vous ouvre la salle le jour venu.',
      ],
    },
    {
      title: [() => 'Préparez-vous', () => 'Pour en profiter pleinement'],
      text: [
        (v) =>
          `Pour profiter pleinement ${v.entry.of} ${v.topicQ}, pensez à la question qui vous bloque le plus aujourd’hui : c’est le meilleur point de départ.`,
        () => 'Pensez dès maintenant à la question qui vous bloque le plus aujourd’hui : c’est le meilleur point de départ pour la séance.',
      ],
    },
  ],
  faq: [
    {
      question: [() => 'Je n’ai pas reçu l’e-mail : que faire ?'],
      answer: [
        () =>
          'Vérifiez vos courriers indésirables et l’onglet Promotions. S’il n’est pas arrivé après quelques minutes, écrivez-nous en répondant à nos e-mails ou inscrivez-vous à nouveau.',
      ],
    },
    { question: [() => 'Y aura-t-il un replay ?'], answer: [() => 'Oui, un replay est prévu pour les inscrits, pendant une durée limitée.'] },
    {
      question: [() => 'Puis-je inviter quelqu’un ?'],
      answer: [() => 'Bien sûr : partagez la page d’inscription pour que la personne reçoive son propre lien d’accès.'],
    },
  ],
  cta_label: [(v) => `Accéder ${v.entry.to}`, () => 'Accéder à la salle'],
  cta_note: [() => 'La page affiche un compte à rebours jusqu’au début de la session.'],
  guarantee: [() => 'Vos données restent confidentielles et vous pouvez vous désabonner des e-mails en un clic, à tout moment.'],
};

/** The masterclass replay, leading to the offer (AIDA, light). */
const replay: TRolePhrases = {
  name: [(v) => `Replay ${v.entry.of}`, (v) => `Replay : ${v.topic}`],
  seo_title: [(v) => `Replay : ${v.topic}`, (v) => `Le replay ${v.entry.of}`],
  seo_description: [
    (v) => `Revoyez ${v.entry.the} ${v.topicQ} à votre rythme, puis découvrez ${v.offer.the} pour aller plus loin.`,
    (v) => `Revoyez ${v.entry.the} à votre rythme, puis découvrez ${v.offer.the} pour aller plus loin.`,
  ],
  eyebrow: [() => 'Replay disponible', (v) => `Replay ${v.entry.of}`],
  headline: [
    (v) => `Revoyez ${v.entry.the} ${v.topicQ} tant qu’${agree(v.entry, 'il', 'elle')} est en ligne`,
    (v) => `Revoyez ${v.entry.the} à votre rythme, tant qu’${agree(v.entry, 'il', 'elle')} est en ligne`,
    () => 'Le replay est là : prenez de quoi noter',
  ],
  promise: [
    () =>
      'Vous avez manqué le direct, ou vous voulez revoir un passage ? Le replay est disponible pour une durée limitée : prenez de quoi noter et regardez-le tant qu’il est en ligne.',
  ],
  bullets: [
    () => 'La méthode complète, expliquée étape par étape',
    () => 'Les exemples concrets présentés pendant la séance',
    () => 'Les réponses aux questions des participants',
    () => 'Le plan d’action à appliquer dès cette semaine',
    (v) => `Le moyen d’aller plus loin avec ${v.offer.the}`,
  ],
  sections: [
    {
      title: [() => 'Ce que vous allez revoir', () => 'Au programme du replay'],
      text: [
        (v) =>
          `Toute la séance sur le thème ${v.topicQ} : la méthode, les exemples et les réponses aux questions. Idéal pour reprendre vos notes et passer à l’action.`,
        () => 'Toute la séance : la méthode, les exemples et les réponses aux questions. Idéal pour reprendre vos notes et passer à l’action.',
        () => 'Toute la séance : les étapes clés, les exemples et les réponses aux questions. Idéal pour reprendre vos notes et passer à l’action.',
      ],
    },
    {
      title: [() => 'Pour aller plus loin', () => 'Et après ?'],
      text: [
        (v) =>
          `Si vous voulez être accompagné pour appliquer la méthode, ${v.offer.the} vous guide pas à pas. Toutes les informations sont sur la page suivante.`,
        (v) => `Si vous voulez être accompagné pour passer à l’action, ${v.offer.the} vous guide pas à pas. Toutes les informations sont sur la page suivante.`,
      ],
    },
  ],
  faq: [
    {
      question: [() => 'Combien de temps le replay reste-t-il disponible ?'],
      answer: [() => 'Pour une durée limitée : la date de fin est indiquée sur cette page. Ensuite, il n’est plus accessible.'],
    },
    {
      question: [() => 'Puis-je le regarder sur mon téléphone ?'],
      answer: [() => 'Oui, le replay se regarde dans votre navigateur, sur ordinateur, tablette ou téléphone.'],
    },
    {
      question: [(v) => `Comment rejoindre ${v.offer.the} ?`],
      answer: [(v) => `Cliquez sur le bouton sous la vidéo : vous découvrirez le détail ${v.offer.of} et pourrez vous inscrire.`],
    },
  ],
  cta_label: [(v) => `Je découvre ${v.offer.the}`, () => 'Je veux aller plus loin'],
  cta_note: [(v) => `Toutes les informations ${v.offer.of} sont sur la page suivante.`],
  guarantee: [() => 'Aucune obligation : regardez le replay à votre rythme et décidez ensuite si vous voulez aller plus loin.'],
};

/** After a purchase (reassurance, next steps); a free offer is an access, not an order. */
const thankYou: TRolePhrases = {
  name: [(v) => ifPaid(v, 'Merci pour votre commande'), (v) => ifFree(v, 'Merci pour votre inscription'), () => 'Bienvenue'],
  seo_title: [(v) => `Bienvenue dans ${v.offer.the} : ${v.topic}`, (v) => `Bienvenue dans ${v.offer.the}`],
  seo_description: [
    (v) => ifPaid(v, `Votre commande est confirmée. Voici comment accéder ${v.offer.to} et bien démarrer dès aujourd’hui.`),
    (v) => ifFree(v, `Votre inscription est confirmée. Voici comment accéder ${v.offer.to} et bien démarrer dès aujourd’hui.`),
  ],
  eyebrow: [(v) => ifPaid(v, 'Commande confirmée'), (v) => ifFree(v, 'Inscription confirmée'), () => 'Bienvenue'],
  headline: {
    base: [
      (v) => `Bienvenue dans ${v.offer.the} ${v.topicQ}`,
      (v) => `Merci pour votre confiance, et bienvenue dans ${v.offer.the}`,
      () => 'Merci pour votre confiance',
    ],
    tones: { enthusiastic: [(v) => `Bienvenue dans ${v.offer.the} !`] },
  },
  promise: [
    (v) => ifPaid(v, 'Votre commande est bien enregistrée. Vous allez recevoir un e-mail avec votre reçu et vos informations d’accès.'),
    (v) => ifFree(v, 'Votre inscription est bien enregistrée. Vous allez recevoir un e-mail avec vos informations d’accès.'),
  ],
  bullets: [
    () => 'Ouvrez l’e-mail de bienvenue et gardez-le précieusement',
    () => 'Ajoutez notre adresse à vos contacts',
    () => 'Bloquez un premier créneau dans votre agenda pour démarrer',
    () => 'Notez vos objectifs pour mesurer vos progrès',
  ],
  sections: [
    {
      title: [() => 'Et maintenant ?', () => 'Pour bien démarrer'],
      text: [(v) => `Tout est prêt pour vous. Commencez par l’e-mail de bienvenue : il contient vos accès et les premières étapes ${v.offer.of}.`],
    },
    {
      title: [() => 'Une question ?', () => 'Besoin d’aide ?'],
      text: [
        (v) => `Répondez simplement à l’e-mail de bienvenue : l’équipe ${v.ofBrand} lit chaque message et vous répond rapidement.`,
        () => 'Répondez simplement à l’e-mail de bienvenue : nous lisons chaque message et vous répondons rapidement.',
      ],
    },
  ],
  faq: [
    {
      question: [() => 'Je n’ai pas reçu l’e-mail : que faire ?'],
      answer: [
        () =>
          'Vérifiez vos courriers indésirables et l’onglet Promotions. Toujours rien après quelques minutes ? Écrivez-nous : nous vous renvoyons vos accès.',
      ],
    },
    { question: [(v) => ifPaid(v, 'Où trouver ma facture ?')], answer: [() => 'Votre reçu est envoyé par e-mail avec la confirmation de commande.'] },
    { question: [() => 'Par où commencer ?'], answer: [() => 'Par l’e-mail de bienvenue : il vous indique la première étape, à faire dès aujourd’hui.'] },
    {
      question: [() => 'Qui contacter en cas de question ?'],
      answer: [() => 'Répondez à l’e-mail de bienvenue : un membre de l’équipe vous répond rapidement.'],
    },
  ],
  cta_label: [() => 'Je commence maintenant', () => 'Je découvre la suite'],
  cta_note: [() => 'Vos accès vous sont aussi envoyés par e-mail.'],
  guarantee: [
    (v) => `Vous n’êtes pas seul : l’équipe ${v.ofBrand} reste disponible par e-mail pour répondre à vos questions.`,
    () => 'Vous n’êtes pas seul : nous restons disponibles par e-mail pour répondre à vos questions.',
  ],
};

/** After the free guide's opt-in: it is on its way, and the offer comes next. */
const leadThankYou: TRolePhrases = {
  ...thankYou,
  name: [() => 'Merci, c’est envoyé', (v) => `Merci : ${v.entry.the} est en route`],
  seo_title: [(v) => `${C(v.entry.the)} est en route : ${v.topic}`, (v) => `Merci : ${v.entry.the} est en route`],
  seo_description: [(v) => `${C(v.entry.the)} arrive dans votre boîte e-mail. Découvrez en attendant comment aller plus loin avec ${v.offer.the}.`],
  eyebrow: [() => 'C’est envoyé', () => 'Merci pour votre inscription'],
  headline: [(v) => `Merci ! ${C(v.entry.the)} ${v.topicQ} est en route`, (v) => `Merci ! ${C(v.entry.the)} arrive dans votre boîte e-mail`],
  promise: [
    (v) =>
      `Vérifiez votre boîte e-mail dans quelques instants : ${v.entry.the} vous y attend. En attendant, découvrez comment aller plus loin avec ${v.offer.the}.`,
  ],
  bullets: [
    () => 'Ouvrez l’e-mail qui vient de vous être envoyé',
    () => 'Ajoutez notre adresse à vos contacts pour ne rien manquer',
    () => 'Lisez les étapes clés et choisissez-en une à appliquer cette semaine',
    (v) => `Découvrez ${v.offer.the} pour aller plus loin`,
  ],
  cta_label: [(v) => `Je découvre ${v.offer.the}`, () => 'Je veux aller plus loin'],
  cta_note: [(v) => `${C(v.entry.the)} vous est ${agree(v.entry, 'envoyé', 'envoyée')} par e-mail dans tous les cas.`],
};

/** After a service application: we get back to you. */
const serviceThankYou: TRolePhrases = {
  ...thankYou,
  name: [() => 'Merci pour votre candidature', () => 'Candidature envoyée'],
  seo_title: [() => 'Merci : votre candidature est bien reçue'],
  seo_description: [() => 'Votre candidature est bien reçue. Nous revenons vers vous rapidement pour convenir de votre appel découverte.'],
  eyebrow: [() => 'Candidature reçue', () => 'C’est envoyé'],
  headline: [() => 'Merci ! Votre candidature est bien reçue', (v) => `Merci ! ${C(v.brand)} revient vers vous très vite`],
  promise: [() => 'Nous lisons votre candidature avec attention et revenons vers vous rapidement pour convenir d’un créneau d’appel.'],
  bullets: [
    () => 'Surveillez votre boîte e-mail dans les prochains jours',
    () => 'Ajoutez notre adresse à vos contacts',
    () => 'Notez les questions que vous aimeriez aborder pendant l’appel',
    () => 'Préparez deux ou trois objectifs pour les prochains mois',
  ],
  faq: [
    {
      question: [() => 'Quand serai-je recontacté ?'],
      answer: [() => 'Rapidement : nous lisons chaque candidature et revenons vers vous par e-mail ou par téléphone.'],
    },
    { question: [() => 'Puis-je modifier ma candidature ?'], answer: [() => 'Oui : répondez simplement à notre e-mail avec les précisions à ajouter.'] },
    { question: [() => 'Suis-je engagé ?'], answer: [() => 'Non. L’appel sert à faire connaissance ; vous décidez ensuite, en toute liberté.'] },
  ],
  cta_label: [() => 'Retour à l’accueil', () => 'J’ai compris'],
  cta_note: [() => 'Une confirmation vous est aussi envoyée par e-mail.'],
};

/** The first page of a members' area (reassurance, orientation). */
const memberWelcome: TRolePhrases = {
  name: [() => 'Espace membres', () => 'Bienvenue dans votre espace'],
  seo_title: [(v) => `Espace membres : ${v.topic}`, () => 'Bienvenue dans votre espace membres'],
  seo_description: [() => 'Votre espace membres : par où commencer, les contenus disponibles et comment obtenir de l’aide.'],
  eyebrow: [() => 'Espace membres', () => 'Bienvenue'],
  headline: [(v) => `Bienvenue dans ${v.offer.the} ${v.topicQ}`, () => 'Bienvenue dans votre espace membres', () => 'Vous êtes chez vous : bienvenue'],
  promise: [
    () =>
      'Tout ce dont vous avez besoin est ici. Commencez par la première étape ci-dessous, puis avancez à votre rythme : les contenus restent accessibles tant que vous êtes membre.',
  ],
  bullets: [
    () => 'Commencez par la première étape, avant toute chose',
    () => 'Avancez à votre rythme, sans pression',
    () => 'Revenez régulièrement : de nouveaux contenus vous attendent',
    () => 'Posez vos questions en répondant à nos e-mails',
  ],
  sections: [
    {
      title: [() => 'Par où commencer ?', () => 'Première étape'],
      text: [() => 'Prenez quelques minutes pour parcourir cet espace, puis fixez-vous un premier objectif simple pour la semaine.'],
    },
    {
      title: [() => 'Comment en profiter pleinement', () => 'Nos conseils'],
      text: [() => 'Bloquez un créneau régulier dans votre agenda : quelques minutes chaque semaine valent mieux qu’une longue séance de temps en temps.'],
    },
  ],
  faq: [
    {
      question: [() => 'Comment revenir dans cet espace ?'],
      answer: [() => 'Avec le lien de connexion envoyé par e-mail : gardez-le, ou ajoutez cette page à vos favoris.'],
    },
    {
      question: [() => 'Puis-je accéder aux contenus sur mon téléphone ?'],
      answer: [() => 'Oui, cet espace s’ouvre dans votre navigateur, sur ordinateur, tablette ou téléphone.'],
    },
    {
      question: [() => 'Qui contacter en cas de question ?'],
      answer: [() => 'Répondez à l’un de nos e-mails : un membre de l’équipe vous répond rapidement.'],
    },
  ],
  cta_label: [() => 'Je commence', () => 'C’est parti'],
  cta_note: [() => 'Votre accès reste actif tant que vous êtes membre.'],
  guarantee: [() => 'Vous n’êtes pas seul : nous restons disponibles par e-mail pour vous aider à chaque étape.'],
};

const ROLES: Record<TFunnelPageRole, TRolePhrases> = {
  registration,
  confirmation,
  replay,
  optin,
  application,
  thank_you: thankYou,
  member_welcome: memberWelcome,
  ...FR_OFFER_ROLES,
};

export const FR_PHRASES: TFunnelPhrasebook = {
  entry: ENTRY,
  offer: OFFER,
  upsell: UPSELL,
  downsell: DOWNSELL,
  funnelName: [
    (v) => `${C(v.entry.bare)} : ${v.topic}`,
    (v) => `Tunnel ${v.topicQ}`,
    (v) => `${C(v.offer.bare)} : ${v.topic}`,
    (v) => `Tunnel ${v.entry.bare} ${v.ofBrand}`,
    (v) => `Nouveau tunnel : ${v.offer.bare}`,
  ],
  funnelDescription: [
    (v) => `Tunnel écrit pour ${v.audience}, sur le thème ${v.topicQ}.`,
    (v) => `Tunnel sur le thème ${v.topicQ}, de la première visite ${v.offer.to}.`,
    (v) => `Tunnel ${v.ofBrand}, de la première visite ${v.offer.to}.`,
  ],
  roles: ROLES,
  roleLabels: {
    registration: 'inscription',
    confirmation: 'confirmation',
    replay: 'replay',
    optin: 'inscription',
    vsl: 'vidéo de présentation',
    sales: 'page de vente',
    upsell: 'offre complémentaire',
    downsell: 'version allégée',
    thank_you: 'remerciements',
    application: 'candidature',
    member_welcome: 'espace membres',
  },
  stepsLabel: 'Étapes',
  byType: { service: { optin: serviceOptin, thank_you: serviceThankYou }, lead_magnet: { thank_you: leadThankYou } },
};
