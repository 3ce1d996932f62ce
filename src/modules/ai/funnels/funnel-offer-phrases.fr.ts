import { capitalize as C, lowerFirst } from '../builtin-kit/text-case.js';
import { agree, ifFree, ifPaid, type TRolePhrases } from './phrase-kit.js';

// The French phrasings of the pages that sell: the presentation video and the sales page (AIDA: attention, interest,
// desire, action), the upsell and the downsell (before, after, bridge). Prices are the brief's only: an upsell is "an
// add-on", a downsell "a lighter version, at a reduced price"; a free offer never mentions paying. No testimonial, no
// figure: the guarantee is a commitment, unless the member's offer details state one (builtin-funnel-writer.ts).

/** The presentation video of a product funnel (AIDA, first half). */
const vsl: TRolePhrases = {
  name: [() => 'Vidéo de présentation', (v) => `Vidéo : ${v.topic}`],
  seo_title: [(v) => `Vidéo offerte : ${v.topic}`, (v) => `Vidéo offerte ${v.ofBrand}`, () => 'La vidéo à regarder avant de vous lancer'],
  seo_description: [
    (v) => `Une vidéo offerte pour comprendre comment avancer sur le thème ${v.topicQ}, et découvrir ${v.offer.the}.`,
    (v) => `Une vidéo offerte pour comprendre comment avancer pas à pas, et découvrir ${v.offer.the}.`,
    (v) => `Une vidéo pour comprendre comment avancer sur le thème ${v.topicQ}, et découvrir ${v.offer.the}.`,
    (v) => `Une vidéo de présentation pour comprendre comment avancer pas à pas, et découvrir ${v.offer.the}.`,
  ],
  eyebrow: [() => 'Vidéo offerte', () => 'À regarder jusqu’au bout', () => 'Présentation en vidéo'],
  headline: [
    (v) => `${C(v.topic)} : regardez cette vidéo avant de vous lancer`,
    () => 'Regardez cette vidéo avant de vous lancer',
    () => 'La méthode pour avancer pas à pas, expliquée en vidéo',
  ],
  promise: [
    (v) =>
      `Dans cette vidéo, ${v.brand} vous explique pourquoi les conseils habituels ne suffisent pas, et comment avancer pas à pas sur le thème ${v.topicQ}.`,
    () => 'Dans cette vidéo, découvrez pourquoi les conseils habituels ne suffisent pas, et comment avancer pas à pas, avec une méthode claire.',
  ],
  bullets: [
    () => 'Pourquoi les conseils habituels ne suffisent pas',
    () => 'La méthode, étape par étape',
    () => 'Les erreurs à éviter dès le départ',
    (v) => `Comment ${v.offer.the} vous aide à passer à l’action`,
    () => 'Le premier pas à faire dès aujourd’hui',
  ],
  sections: [
    {
      title: [() => 'Pourquoi cette vidéo ?', () => 'Le constat'],
      text: [
        (v) =>
          `Sur le thème ${v.topicQ}, les conseils se multiplient et se contredisent. Cette vidéo remet de l’ordre : ce qui compte vraiment, et dans quel ordre.`,
        () => 'Les conseils se multiplient et se contredisent. Cette vidéo remet de l’ordre : ce qui compte vraiment, et dans quel ordre.',
      ],
    },
    {
      title: [() => 'Après la vidéo', () => 'Et ensuite ?'],
      text: [(v) => `À la fin de la vidéo, un bouton vous permet de découvrir ${v.offer.the} : son contenu, son fonctionnement et ses conditions.`],
    },
  ],
  faq: [
    { question: [() => 'Dois-je m’inscrire pour regarder la vidéo ?'], answer: [() => 'Non, elle est accessible directement sur cette page.'] },
    {
      question: [() => 'Que se passe-t-il après la vidéo ?'],
      answer: [(v) => `Un bouton apparaît pour découvrir ${v.offer.the} et ses conditions. Vous restez libre de la suite.`],
    },
    {
      question: [() => 'Puis-je la regarder sur mon téléphone ?'],
      answer: [() => 'Oui, sur ordinateur, tablette ou téléphone, directement dans votre navigateur.'],
    },
  ],
  cta_label: [(v) => `Je découvre ${v.offer.the}`, () => 'Je veux en savoir plus'],
  cta_note: [(v) => `Le détail ${v.offer.of} et ses conditions sont sur la page suivante.`],
  guarantee: [(v) => `Aucun engagement : regardez la vidéo, puis décidez librement si ${v.offer.the} vous convient.`],
};

/** The sales page (AIDA). */
const sales: TRolePhrases = {
  name: [(v) => `Présentation ${v.offer.of}`, (v) => `Page de vente : ${v.topic}`],
  seo_title: [(v) => `${C(v.offer.bare)} ${v.topicQ}`, (v) => `${C(v.offer.the)} ${v.ofBrand}`, (v) => `Rejoignez ${v.offer.the}`],
  seo_description: [
    (v) => ifPaid(v, `${C(v.offer.the)} ${v.topicQ} : une méthode pas à pas pour ${v.audience}, à ${v.price}.`),
    (v) => `${C(v.offer.the)} ${v.topicQ} : une méthode pas à pas pour passer de l’intention aux résultats, à votre rythme.`,
    (v) => `Découvrez ${v.offer.the} : une méthode pas à pas pour passer de l’intention aux résultats, à votre rythme.`,
    (v) => `${C(v.offer.the)} ${v.topicQ} : un parcours pas à pas pour passer de l’intention aux résultats, à votre rythme.`,
    (v) => `Découvrez ${v.offer.the} : un parcours pas à pas pour passer de l’intention aux résultats, à votre rythme.`,
  ],
  eyebrow: {
    base: [(v) => `Pour ${v.audience}`, () => 'Une méthode pas à pas', (v) => `${C(v.offer.the)} ${v.ofBrand}`, () => 'Passez à l’action'],
    tones: { enthusiastic: [() => 'C’est le moment d’avancer !'], inspiring: [() => 'Votre prochaine étape commence ici'] },
  },
  headline: [
    (v) => `${C(v.topic)} : passez de l’intention aux résultats, pas à pas`,
    (v) => `Avancez enfin sur le thème ${v.topicQ}, avec une méthode claire`,
    (v) => `${C(v.offer.the)} ${v.topicQ} : la méthode complète, étape par étape`,
    () => 'La méthode complète pour passer de l’intention aux résultats',
    () => 'Arrêtez de tâtonner : suivez une méthode claire, étape par étape',
    () => 'Passez de l’intention aux résultats, étape par étape',
  ],
  promise: [
    (v) => `${C(v.offer.this)} vous guide pas à pas sur le thème ${v.topicQ}, pour ${v.audience}. Vous savez quoi faire, dans quel ordre, et pourquoi.`,
    (v) =>
      `${C(v.offer.this)} vous guide pas à pas : vous savez quoi faire, dans quel ordre, et pourquoi. Fini les essais au hasard et les conseils contradictoires.`,
  ],
  bullets: [
    () => 'Une méthode claire, étape par étape, du premier pas aux résultats',
    () => 'Un plan d’action concret, adapté à votre emploi du temps',
    () => 'Une progression pensée pour passer à la pratique',
    () => 'Les erreurs fréquentes repérées et évitées dès le départ',
    () => 'Un cadre pour avancer à votre rythme, sans vous disperser',
    () => 'Plus de clarté et de confiance dans vos décisions',
  ],
  sections: [
    {
      title: [() => 'Pourquoi c’est si difficile seul', () => 'Le vrai problème'],
      text: [
        (v) =>
          `Sur le thème ${v.topicQ}, on trouve des conseils partout… et c’est bien le problème. Sans fil conducteur, on essaie tout, on se disperse, et les résultats se font attendre.`,
        () =>
          'On trouve des conseils partout… et c’est bien le problème. Sans fil conducteur, on essaie tout, on se disperse, et les résultats se font attendre.',
      ],
    },
    {
      title: [() => 'La méthode', (v) => `Comment fonctionne ${v.offer.the}`],
      text: [
        (v) =>
          `${C(v.offer.the)} avance étape par étape : comprendre où vous en êtes, fixer les bonnes priorités, puis passer à l’action avec un plan concret. Chaque étape s’appuie sur la précédente.`,
      ],
    },
    {
      title: [() => 'Ce qui est inclus', () => 'Ce que comprend l’offre'],
      text: [(v) => (v.offerItems.length ? `Au programme : ${v.offerItems.map(lowerFirst).join(' ; ')}.` : '')],
    },
    {
      title: [(v) => ifPaid(v, 'Votre investissement'), (v) => ifFree(v, 'Un accès offert'), (v) => ifFree(v, 'Un accès sans engagement')],
      text: [
        (v) =>
          ifPaid(
            v,
            `${C(v.offer.the)} est ${agree(v.offer, 'proposé', 'proposée')} à ${v.price}. Un investissement pour gagner du temps, éviter les erreurs coûteuses et avancer avec un cap clair.`,
          ),
        (v) => ifFree(v, `L’accès ${v.offer.of} est offert : inscrivez-vous ci-dessous et commencez dès aujourd’hui, sans engagement.`),
        (v) => ifFree(v, `Inscrivez-vous ci-dessous pour accéder ${v.offer.to} et commencer dès aujourd’hui, sans engagement.`),
      ],
    },
    {
      title: [() => 'Pour qui ?', (v) => `À qui s’adresse ${v.offer.this} ?`],
      text: [
        (v) =>
          `${C(v.offer.this)} est ${agree(v.offer, 'pensé', 'pensée')} pour ${v.audience}. Aucun prérequis : il suffit d’avoir envie d’avancer et de réserver un peu de temps chaque semaine.`,
        () =>
          'Pour toutes celles et ceux qui veulent avancer avec méthode plutôt qu’au hasard. Aucun prérequis : il suffit de réserver un peu de temps chaque semaine.',
      ],
    },
  ],
  faq: [
    {
      question: [() => 'Combien de temps faut-il y consacrer ?'],
      answer: [() => 'Vous avancez à votre rythme : l’essentiel est la régularité, même avec peu de temps chaque semaine.'],
    },
    {
      question: [() => 'Et si je débute complètement ?'],
      answer: [(v) => `${C(v.offer.the)} part des bases : chaque étape est expliquée simplement, sans prérequis.`],
    },
    {
      question: [(v) => ifPaid(v, 'Est-ce un bon investissement ?'), (v) => ifFree(v, 'Est-ce vraiment gratuit ?')],
      answer: [
        (v) => ifPaid(v, `${v.price} pour une méthode claire et un plan d’action concret : de quoi éviter des mois à tâtonner seul.`),
        (v) => ifPaid(v, `${v.price} pour un cadre clair et un plan d’action concret : de quoi éviter des mois à tâtonner seul.`),
        (v) => ifFree(v, 'Oui, l’accès est offert et sans engagement.'),
      ],
    },
    {
      question: [() => 'Comment se passe l’accès ?'],
      answer: [
        (v) => ifPaid(v, 'Dès votre paiement validé, vous recevez un e-mail avec vos accès.'),
        (v) => ifFree(v, 'Dès votre inscription, vous recevez un e-mail avec vos accès.'),
      ],
    },
    {
      question: [() => 'Et si ce n’est pas pour moi ?'],
      answer: [() => 'Posez-nous vos questions avant de vous décider : nous vous répondons franchement, même si la réponse est non.'],
    },
  ],
  cta_label: {
    base: [
      (v) => ifPaid(v, `Je rejoins ${v.offer.the}`),
      (v) => ifPaid(v, 'Je passe commande'),
      (v) => ifFree(v, 'J’accède gratuitement'),
      (v) => ifFree(v, `Je rejoins ${v.offer.the}`),
    ],
    tones: { enthusiastic: [(v) => `Oui, je rejoins ${v.offer.the} !`], direct: [(v) => ifPaid(v, 'Je commande'), (v) => ifFree(v, 'J’y accède')] },
  },
  cta_note: [
    (v) => ifPaid(v, 'Paiement sécurisé. Vos accès arrivent par e-mail dès la commande validée.'),
    (v) => ifFree(v, 'Accès offert, envoyé par e-mail. Sans engagement.'),
    (v) => ifFree(v, 'Vos accès arrivent par e-mail dès l’inscription. Sans engagement.'),
  ],
  guarantee: [
    () =>
      'Notre engagement : un contenu clair, honnête et directement applicable. Une question avant de vous décider ? Écrivez-nous, nous vous répondons personnellement.',
    () =>
      'Notre engagement : vous dire les choses simplement et vous donner de quoi agir. Une question avant de vous décider ? Nous vous répondons personnellement.',
  ],
};

/** The upsell: a premium add-on (before, after, bridge). */
const upsell: TRolePhrases = {
  name: [() => 'Offre complémentaire', (v) => `Offre spéciale : ${v.upsell.bare}`],
  seo_title: [(v) => `Offre complémentaire : ${v.upsell.the}`, (v) => `${C(v.topic)} : allez plus loin`, () => 'Allez plus loin avec un suivi personnalisé'],
  seo_description: [
    (v) => `Complétez votre parcours avec ${v.upsell.the} : un suivi personnalisé pour appliquer la méthode plus sereinement.`,
    (v) => `Complétez votre parcours avec ${v.upsell.the} : un suivi personnalisé pour avancer plus sereinement.`,
  ],
  eyebrow: [() => 'Attendez : une offre complémentaire', () => 'Allez plus loin', (v) => ifPaid(v, 'Réservé aux nouveaux clients')],
  headline: [
    (v) => `Allez plus loin avec ${v.upsell.the}`,
    () => 'Et si vous n’aviez plus à avancer seul ?',
    (v) => `${C(v.topic)} : ajoutez un suivi personnalisé à votre parcours`,
  ],
  promise: [
    (v) =>
      `Aujourd’hui, vous avez la méthode. Demain, vous pourriez l’appliquer avec un regard expert sur votre situation. ${C(v.upsell.the)} fait le pont : un suivi personnalisé pour avancer avec plus de confiance.`,
    (v) =>
      `Aujourd’hui, vous avez les clés. Demain, vous pourriez les mettre en pratique avec un regard expert sur votre situation. ${C(v.upsell.the)} fait le pont : un suivi personnalisé pour avancer avec plus de confiance.`,
  ],
  bullets: [
    () => 'Un suivi personnalisé, centré sur votre situation',
    () => 'Des retours concrets sur votre mise en pratique',
    () => 'Des réponses précises à vos questions',
    () => 'Plus de confiance dans chacune de vos décisions',
    () => 'Un rythme soutenu pour garder le cap',
  ],
  sections: [
    {
      title: [() => 'Aujourd’hui', () => 'Là où vous en êtes'],
      text: [
        () => 'Vous avez la méthode en main. Mais seul, il est facile de douter, de bloquer sur un détail ou de perdre le rythme.',
        () => 'Vous avez toutes les clés en main. Mais seul, il est facile de douter, de bloquer sur un détail ou de perdre le rythme.',
      ],
    },
    {
      title: [() => 'Demain', () => 'Là où vous pourriez être'],
      text: [
        () =>
          'Imaginez avancer avec un regard expert à vos côtés : vos questions trouvent une réponse, vos choix sont validés, et vous progressez sans détour.',
      ],
    },
    {
      title: [(v) => `Le pont : ${v.upsell.the}`, () => 'Comment y arriver'],
      text: [
        (v) =>
          ifPaid(
            v,
            `${C(v.upsell.the)} complète ${v.offer.the} avec un suivi personnalisé. Il s’ajoute à votre commande en un clic, sans ressaisir vos coordonnées.`,
          ),
        (v) => `${C(v.upsell.the)} complète ${v.offer.the} avec un suivi personnalisé, pour appliquer la méthode à votre situation.`,
        (v) => `${C(v.upsell.the)} complète ${v.offer.the} avec un suivi personnalisé, pour avancer au plus près de votre situation.`,
      ],
    },
  ],
  faq: [
    {
      question: [() => 'Est-ce obligatoire ?'],
      answer: [() => 'Non : cette offre est facultative. Vous gardez tout ce que vous avez déjà obtenu, que vous l’acceptiez ou non.'],
    },
    {
      question: [(v) => `Quelle différence avec ${v.offer.the} ?`],
      answer: [
        (v) => `${C(v.offer.the)} vous donne la méthode ; ${v.upsell.the} vous aide à l’appliquer à votre situation, avec un suivi personnalisé.`,
        (v) => `${C(v.offer.the)} vous donne les clés ; ${v.upsell.the} vous aide à les mettre en pratique dans votre situation, avec un suivi personnalisé.`,
      ],
    },
    {
      question: [(v) => ifPaid(v, 'Comment se passe le paiement ?')],
      answer: [() => 'En un clic, avec le moyen de paiement utilisé pour votre commande : rien à ressaisir.'],
    },
    {
      question: [() => 'Puis-je y revenir plus tard ?'],
      answer: [() => 'Cette offre est proposée sur cette page, à la suite de votre commande : c’est le bon moment pour en profiter.'],
    },
  ],
  cta_label: [(v) => `Oui, j’ajoute ${v.upsell.the}`, () => 'Oui, je veux ce suivi'],
  cta_note: [
    (v) => ifPaid(v, 'Ajouté en un clic à votre commande, sans ressaisir vos coordonnées.'),
    () => 'Offre facultative : vous pouvez continuer sans elle.',
  ],
  guarantee: [() => 'Aucune pression : cette offre est facultative, et ce que vous avez déjà obtenu vous reste acquis quoi que vous décidiez.'],
};

/** The downsell: a lighter version at a reduced price (before, after, bridge). */
const downsell: TRolePhrases = {
  name: [() => 'Une alternative plus légère', (v) => `${C(v.downsell.the)}`],
  seo_title: [(v) => `${C(v.downsell.the)} : ${v.topic}`, () => 'Une version plus légère, à prix réduit'],
  seo_description: [(v) => `Pas le bon moment pour ${v.upsell.the} ? Découvrez ${v.downsell.the} : l’essentiel, dans un format plus léger et à prix réduit.`],
  eyebrow: [() => 'Une alternative plus légère', () => 'Dernière proposition'],
  headline: [
    () => 'Pas prêt pour le suivi complet ? Voici une version plus légère',
    () => 'L’essentiel du suivi, dans un format plus léger',
    (v) => `${C(v.topic)} : une version plus légère, à prix réduit`,
  ],
  promise: [
    (v) =>
      `Vous avez préféré ne pas ajouter ${v.upsell.the}, et c’est compris. ${C(v.downsell.the)} garde l’essentiel dans un format plus léger, à prix réduit, pour avancer sans vous engager davantage.`,
  ],
  bullets: [
    () => 'L’essentiel du suivi, dans un format plus court',
    () => 'Un prix réduit, plus facile à intégrer à votre budget',
    () => 'Des repères clairs pour appliquer la méthode',
    () => 'Un coup de pouce au bon moment',
  ],
  sections: [
    {
      title: [() => 'Aujourd’hui', () => 'Là où vous en êtes'],
      text: [() => 'Vous voulez avancer, mais un suivi complet ne correspond pas à votre budget ou à votre emploi du temps du moment.'],
    },
    {
      title: [() => 'Demain', () => 'Ce que vous pourriez obtenir'],
      text: [() => 'Un coup de pouce ciblé, au bon moment, pour lever un blocage et garder votre élan, sans vous engager au-delà de ce qui vous convient.'],
    },
    {
      title: [(v) => `Le pont : ${v.downsell.the}`, () => 'Comment'],
      text: [(v) => `${C(v.downsell.the)} reprend l’essentiel ${v.upsell.of}, dans un format plus léger et à prix réduit.`],
    },
  ],
  faq: [
    {
      question: [(v) => `Quelle différence avec ${v.upsell.the} ?`],
      answer: [(v) => `${C(v.downsell.the)} garde l’essentiel dans un format plus court : moins de suivi, mais un vrai coup de pouce, à prix réduit.`],
    },
    { question: [() => 'Est-ce obligatoire ?'], answer: [() => 'Non : c’est une proposition facultative. Vous pouvez continuer sans elle.'] },
    { question: [(v) => ifPaid(v, 'Comment se passe le paiement ?')], answer: [() => 'En un clic, avec le moyen de paiement utilisé pour votre commande.'] },
    {
      question: [() => 'Puis-je y revenir plus tard ?'],
      answer: [() => 'Cette proposition est faite sur cette page uniquement : c’est le bon moment pour en profiter.'],
    },
  ],
  cta_label: [(v) => `Oui, je prends ${v.downsell.the}`, () => 'Oui, je veux cette version'],
  cta_note: [() => 'Proposition facultative : vous pouvez continuer sans elle.'],
  guarantee: [() => 'Aucune pression : cette proposition est facultative, et ce que vous avez déjà obtenu vous reste acquis quoi que vous décidiez.'],
};

export const FR_OFFER_ROLES = { vsl, sales, upsell, downsell } satisfies Record<string, TRolePhrases>;
