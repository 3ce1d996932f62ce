import type { TEmailLibrary } from './email-phrases.types.js';

// The built-in writer's French: written with plain spaces and straight apostrophes, typeset afterwards
// (builtin-kit/typography.ts: ’, non-breaking spaces before ? ! : ; »). The brief's words are framed (after a colon,
// between « », in parentheses) so no phrase depends on their gender or number; the sender speaks as "je" (solo
// entrepreneurs and coaches), and no sentence states a figure, a date or a result the member did not give.

export const FR_EMAIL: TEmailLibrary = {
  typeLabel: {
    newsletter: 'Lettre d’information',
    promotion: 'Promotion',
    welcome: 'Bienvenue',
    product_launch: 'Lancement',
    event_invitation: 'Invitation',
    re_engagement: 'Relance',
    follow_up: 'Suivi',
  },
  generic: {
    subject: [
      () => 'Un message pour vous',
      () => 'Quelques nouvelles de ma part',
      () => 'À lire quand vous aurez un moment',
      () => 'Une idée à partager avec vous',
    ],
    preheader: [() => 'Quelques lignes à lire quand vous aurez un moment.'],
    intro: [() => 'Je prends quelques minutes pour vous écrire aujourd’hui.'],
    title: [() => 'En bref', () => 'À retenir', () => 'Pour aller plus loin'],
    paragraph: [() => 'Prenez le temps de lire ces quelques lignes : elles ont été écrites pour vous être utiles.'],
    cta: [() => 'En savoir plus', () => 'Continuer'],
    closing: [() => 'À bientôt.'],
    ps: [() => 'Une question ? Répondez simplement à cet e-mail.'],
  },
  titles: {
    attention: [(v) => v.topic, (v) => `Au programme : ${v.topicMid}`, () => 'Le sujet du jour'],
    desire: [() => 'Ce que vous y gagnez', () => 'Ce que cela change pour vous', () => 'Concrètement'],
    problem: [() => 'Le constat', () => 'Vous vous reconnaissez ?', () => 'Ce qui coince souvent'],
    solution: [() => 'Ce que je vous propose', () => 'La bonne nouvelle', () => 'La piste que je vous propose'],
    before: [() => 'Aujourd’hui', () => 'Le point de départ'],
    after: [() => 'Imaginez plutôt', () => 'Et demain ?'],
    bridge: [() => 'Comment y arriver', () => 'Le chemin', () => 'La prochaine étape'],
  },
  tones: {
    professional: {
      leadIn: [() => ''],
      closing: [
        () => 'Je vous remercie de votre attention et reste à votre disposition pour toute question.',
        () => 'Merci de votre lecture. Je reste à votre écoute pour toute question.',
      ],
    },
    friendly: {
      leadIn: [() => 'J’espère que vous allez bien.', () => 'J’espère que votre semaine se passe bien.'],
      closing: [() => 'Merci de m’avoir lu, et à très vite !', () => 'Prenez soin de vous, et à bientôt !'],
    },
    enthusiastic: {
      leadIn: [() => 'Quelle joie de vous écrire aujourd’hui !', () => 'J’avais vraiment hâte de vous écrire !'],
      closing: [() => 'J’ai hâte de lire vos retours, à très vite !', () => 'Merci de votre lecture, et à très bientôt pour la suite !'],
    },
    inspiring: {
      leadIn: [() => 'Chaque grand changement commence par une petite décision.', () => 'Avancer, c’est d’abord oser faire un premier pas.'],
      closing: [() => 'Le meilleur moment pour avancer, c’est maintenant. Je crois en vous.', () => 'Chaque petit pas compte. Merci d’avancer avec moi.'],
    },
    direct: {
      leadIn: [() => '', () => 'J’irai droit au but.'],
      closing: [() => 'Merci, et à bientôt.', () => 'Bonne journée, et à bientôt.'],
    },
    playful: {
      leadIn: [() => 'Promis, ce message se lit plus vite qu’un café ne refroidit.', () => 'Installez-vous confortablement : ce message est court, promis !'],
      closing: [() => 'Allez, je file… mais je reviens très vite !', () => 'Sur ce, je vous laisse… mais pas pour longtemps !'],
    },
  },
  forWhom: [
    // The audience is how the member describes a segment ("Abonnés inactifs"): never quoted to the reader.
    () => 'Je l’ai écrit en pensant à vous, et à ce que vous m’avez déjà dit de vos besoins.',
    () => 'Si vous vous reconnaissez dans ces lignes, ce qui suit est fait pour vous.',
  ],
  ps: [(v) => (v.offer ? `Pour aller plus loin, je vous présente aussi mon offre : ${v.offer}.` : '')],
  types: {
    newsletter: {
      frameworks: ['aida', 'pas'],
      subjects: {
        question: [(v) => `${v.topic} : et si on en parlait ?`, () => 'Et vous, où en êtes-vous ?'],
        benefit: [
          (v) => `${v.topic} : les idées à retenir`,
          (v) => `Ce que ${v.topicQ} peut changer pour vous`,
          () => 'Des idées concrètes à appliquer dès aujourd’hui',
        ],
        curiosity: [(v) => `Ce que l’on oublie souvent à propos de ${v.topicQ}`, () => 'Le détail qui change tout'],
        urgency: [(v) => `${v.topic} : à lire cette semaine`, () => 'À lire avant la fin de la semaine'],
      },
      preheader: [(v) => `Mes idées sur ${v.topicQ}, à appliquer dès aujourd’hui.`, () => 'Des idées concrètes, à appliquer dès aujourd’hui. Bonne lecture !'],
      intro: [
        (v) => `Cette semaine, je vous propose de faire le point sur un sujet qui compte : ${v.topicMid}.`,
        (v) => `Aujourd’hui, je voulais vous parler de ${v.topicQ} : un sujet simple en apparence, mais qui fait une vraie différence au quotidien.`,
        () => 'Voici les idées du moment, choisies pour vous être utiles tout de suite.',
      ],
      hook: [
        (v) => `On entend beaucoup de choses sur ${v.topicQ}. Voici ce que j’en retiens, sans jargon et sans détour.`,
        () => 'Derrière chaque sujet qui semble compliqué se cache souvent une question très simple : par où commencer ?',
      ],
      pain: [
        () => 'On sait souvent ce qu’il faudrait faire, mais entre les urgences du quotidien et le manque de temps, le sujet passe toujours au second plan.',
        () => 'Trop d’informations, des conseils contradictoires, et au final, on ne sait plus quoi appliquer.',
      ],
      stakes: [
        () => 'Résultat : les bonnes idées restent dans un coin de la tête, et rien ne change vraiment.',
        () => 'Et pendant ce temps, les mêmes difficultés reviennent, semaine après semaine.',
      ],
      promise: [
        () => 'L’objectif : repartir avec des idées claires, que vous pourrez mettre en pratique dès cette semaine.',
        (v) => `Imaginez aborder ${v.topicQ} avec un plan clair, en sachant exactement ce qui compte vraiment.`,
      ],
      offer: [
        () => 'J’ai rassemblé dans cette lettre l’essentiel de ce que j’ai appris sur le sujet, avec des exemples concrets pour passer à l’action.',
        () => 'Voici une façon simple d’aborder le sujet, étape par étape, sans tout bouleverser.',
      ],
      bullets: [
        () => 'Les idées essentielles, expliquées simplement',
        () => 'Des exemples concrets à reprendre tels quels',
        () => 'Les erreurs fréquentes à éviter',
        () => 'Une action simple à tester dès cette semaine',
        () => 'Des ressources choisies pour aller plus loin',
      ],
      cta: [() => 'Lire la suite', () => 'Découvrir l’article', () => 'Voir les conseils'],
      ps: [
        () => 'Une question sur le sujet ? Répondez simplement à cet e-mail : je lis toutes les réponses.',
        () => 'Si cette lettre vous a été utile, transférez-la à une personne de votre entourage à qui elle pourrait servir.',
      ],
    },
    promotion: {
      frameworks: ['pas', 'aida', 'bab'],
      subjects: {
        question: [(v) => `${v.topic} : c’est le bon moment ?`, () => 'Et si c’était le bon moment ?'],
        benefit: [(v) => `${v.topic} : une offre pensée pour vous`, () => 'Une offre pensée pour vous'],
        curiosity: [() => 'Je vous réserve quelque chose…', () => 'Ce que je vous réserve cette semaine'],
        urgency: [(v) => `${v.topic} : l’offre se termine bientôt`, () => 'Dernière ligne droite : l’offre se termine bientôt'],
      },
      preheader: [
        (v) => `${v.topic} : tous les détails de l’offre dans ce message.`,
        () => 'Une offre réservée aux personnes qui me suivent, pour peu de temps.',
      ],
      intro: [
        (v) => `J’ai une bonne nouvelle pour vous : ${v.topicMid}. Une offre que j’ai préparée en pensant à vous, et qui ne durera pas.`,
        (v) => `Je vous écris aujourd’hui pour vous présenter une offre spéciale : ${v.topicQ}.`,
        () => 'Je vous écris aujourd’hui pour vous présenter une offre spéciale, préparée en pensant à vous.',
      ],
      hook: [
        () => 'Vous y pensez depuis un moment ? C’est peut-être le signe qu’il est temps de passer à l’action.',
        () => 'Certaines décisions attendent le bon moment. Celui-ci pourrait bien être le vôtre.',
      ],
      pain: [
        () => 'Vous savez ce qui vous aiderait à avancer, mais le bon moment ne semble jamais arriver.',
        () => 'Remettre à plus tard, c’est humain : on attend d’avoir le temps, d’être sûr de soi, que tout soit parfait.',
      ],
      stakes: [
        () => 'Et chaque mois qui passe, ce projet reste un projet, pendant que vos objectifs, eux, n’attendent pas.',
        () => 'Pendant ce temps, la situation reste la même, et la frustration grandit.',
      ],
      promise: [
        () => 'Avec cette offre, vous avancez enfin sur ce qui compte, dans des conditions pensées pour faciliter votre décision.',
        () => 'Imaginez : dans quelques semaines, vous regardez en arrière et vous vous félicitez d’avoir sauté le pas.',
      ],
      offer: [
        (v) => `C’est pour cela que je vous propose ${v.topicQ}, une offre spéciale réservée aux personnes qui me suivent.`,
        () => 'Cette offre est l’occasion idéale de commencer, dans de bonnes conditions et sans attendre.',
      ],
      bullets: [
        () => 'Une offre réservée aux personnes qui me suivent',
        () => 'Des conditions pensées pour faciliter votre décision',
        () => 'Disponible pour une durée limitée',
        () => 'Le même soin et la même exigence que d’habitude',
        () => 'Un vrai coup de pouce pour avancer sur vos objectifs',
      ],
      cta: [() => 'Profiter de l’offre', () => 'Je découvre l’offre', () => 'Voir l’offre'],
      ps: [
        () => 'L’offre est limitée dans le temps : si elle vous intéresse, ne la laissez pas filer.',
        () => 'Une hésitation, une question ? Répondez à cet e-mail, je vous réponds personnellement.',
      ],
    },
    welcome: {
      frameworks: ['bab', 'aida'],
      subjects: {
        question: [(v) => `${v.topic} : on commence ?`, () => 'Bienvenue ! On commence ?'],
        benefit: [(v) => `${v.topic} : tout pour bien démarrer`, () => 'Bienvenue : voici comment bien démarrer'],
        curiosity: [() => 'Un petit mot avant de commencer', () => 'Avant toute chose, lisez ceci'],
        urgency: [() => 'Votre première étape vous attend', () => 'À lire dès aujourd’hui pour bien commencer'],
      },
      preheader: [
        (v) => `${v.topic} : tout ce qu’il faut savoir pour bien démarrer.`,
        () => 'Merci de votre confiance. Voici ce qui vous attend, et par où commencer.',
      ],
      intro: [
        (v) => `Bienvenue ! C’est un plaisir de vous compter parmi nous. Dans ce message, je vous explique ce qui vous attend autour de ${v.topicQ}.`,
        (v) => (v.brand ? `Merci de votre inscription, et bienvenue chez ${v.brand} ! Vous êtes au bon endroit pour avancer sur ${v.topicQ}.` : ''),
        () => 'Bienvenue ! C’est un plaisir de vous compter parmi nous, et je vous remercie de votre confiance.',
      ],
      hook: [
        () => 'Vous venez de faire un premier pas important. Voici comment en tirer le meilleur parti.',
        () => 'Pour commencer du bon pied, quelques repères simples valent mieux qu’une longue liste.',
      ],
      pain: [
        () => 'Quand on commence, on a souvent l’impression qu’il y a une foule de choses à voir, sans savoir par où commencer.',
        () => 'Au début, il est facile de se disperser et de perdre le fil.',
      ],
      stakes: [
        () => 'Et sans repères clairs, la motivation du départ s’essouffle vite.',
        () => 'C’est souvent à ce moment-là que l’on abandonne, alors que le plus dur était fait.',
      ],
      promise: [
        () => 'Mon objectif : que vous sachiez exactement quoi faire ensuite, et que vous avanciez à votre rythme, sereinement.',
        (v) => `Imaginez : dans quelques semaines, ${v.topicQ} fait naturellement partie de votre quotidien.`,
      ],
      offer: [
        () => 'Dans mes prochains messages, je vous partagerai mes meilleurs conseils, des exemples concrets et des ressources choisies pour vous.',
        () => 'Pour commencer, voici ce que vous pouvez attendre de moi.',
      ],
      bullets: [
        () => 'Des conseils concrets, directement applicables',
        () => 'Des exemples tirés du terrain',
        () => 'Des ressources choisies pour vous faire gagner du temps',
        () => 'Une réponse personnelle à vos questions',
        () => 'Des messages courts, faciles à lire',
      ],
      cta: [() => 'Je commence maintenant', () => 'Découvrir la première étape', () => 'Commencer'],
      ps: [
        () => 'Pour ne manquer aucun de mes prochains messages, ajoutez cette adresse à vos contacts.',
        () => 'Répondez à cet e-mail pour me dire ce que vous attendez le plus : je lis chaque réponse.',
      ],
      titles: { attention: [() => 'Bienvenue !', () => 'Bienvenue parmi nous'], before: [() => 'Vos premiers pas'] },
    },
    product_launch: {
      frameworks: ['aida', 'pas', 'bab'],
      subjects: {
        question: [(v) => `${v.topic} : vous l’attendiez ?`, () => 'Vous l’attendiez ?'],
        benefit: [(v) => `${v.topic} : ce que ça change pour vous`, () => 'Ce que cette nouveauté change pour vous'],
        curiosity: [(v) => `${v.topic} : les coulisses`, () => 'Je vous montre enfin ce que je prépare'],
        urgency: [(v) => `C’est aujourd’hui : ${v.topicMid}`, () => 'C’est aujourd’hui : découvrez la nouveauté'],
      },
      preheader: [(v) => `${v.topic} : tout ce qu’il faut savoir sur la nouveauté.`, () => 'Une nouveauté préparée avec soin, pour vous aider à avancer.'],
      intro: [
        (v) => `C’est avec beaucoup de fierté que je vous présente aujourd’hui ma nouveauté : ${v.topicMid}.`,
        (v) => `Je travaille depuis un moment sur un projet qui me tient à cœur, et il est enfin prêt : ${v.topicQ}.`,
        () => 'Je travaille depuis un moment sur un projet qui me tient à cœur, et il est enfin prêt.',
      ],
      hook: [
        () => 'Certaines nouveautés changent simplement la façon dont on travaille. C’est ce que j’ai voulu construire.',
        () => 'Tout est parti d’un constat simple, partagé par beaucoup de personnes que j’accompagne.',
      ],
      pain: [
        () => 'Vous cherchez une solution simple et fiable, mais ce que vous trouvez est souvent trop compliqué ou trop générique.',
        () => 'Jusqu’ici, il fallait bricoler avec des solutions qui ne répondaient qu’à moitié à vos besoins.',
      ],
      stakes: [
        () => 'Résultat : du temps perdu, de l’énergie dépensée, et des résultats qui se font attendre.',
        () => 'Et à force de compromis, on finit par renoncer à ce que l’on voulait vraiment.',
      ],
      promise: [
        (v) => `Avec ${v.topicQ}, vous avez enfin une solution pensée pour vous, simple à prendre en main.`,
        () => 'Imaginez avancer sereinement, avec une solution qui vous ressemble et qui vous fait gagner du temps.',
      ],
      offer: [
        (v) => `C’est tout l’objet de ${v.topicQ} : vous offrir une solution claire, conçue à partir des besoins réels des personnes que j’accompagne.`,
        () => 'J’ai conçu cette nouveauté pour répondre précisément à ces besoins, avec le plus grand soin.',
      ],
      bullets: [
        () => 'Une solution conçue à partir de vos besoins réels',
        () => 'Une prise en main simple et rapide',
        () => 'Un accompagnement pour bien démarrer',
        () => 'Une nouveauté préparée avec soin, dans les moindres détails',
        () => 'Un vrai gain de temps au quotidien',
      ],
      cta: [() => 'Découvrir la nouveauté', () => 'Je veux en savoir plus', () => 'Voir la présentation'],
      ps: [
        () => 'Votre avis compte beaucoup pour moi : répondez à cet e-mail pour me dire ce que vous en pensez.',
        () => 'Une question sur la nouveauté ? Répondez simplement à ce message.',
      ],
      titles: { attention: [() => 'C’est le grand jour', (v) => v.topic] },
    },
    event_invitation: {
      frameworks: ['aida', 'bab'],
      subjects: {
        question: [(v) => `${v.topic} : vous venez ?`, () => 'Vous serez des nôtres ?'],
        benefit: [(v) => `${v.topic} : je vous invite`, () => 'Une invitation pour avancer ensemble'],
        curiosity: [() => 'J’ai une invitation pour vous', () => 'Une place vous attend…'],
        urgency: [(v) => `${v.topic} : réservez votre place`, () => 'Réservez votre place dès maintenant'],
      },
      preheader: [
        (v) => `Une invitation personnelle : ${v.topicMid}. Réservez votre place.`,
        () => 'Un moment d’échange pour repartir avec des idées concrètes.',
      ],
      intro: [
        (v) => `J’ai le plaisir de vous inviter à un moment que je prépare avec soin : ${v.topicQ}.`,
        (v) => `J’organise bientôt un événement autour de ${v.topicQ}, et j’aimerais beaucoup vous y retrouver.`,
        () => 'J’ai le plaisir de vous inviter à un moment d’échange que je prépare avec soin.',
      ],
      hook: [
        () => 'Rien ne remplace un vrai moment d’échange pour avancer. C’est tout l’esprit de cette rencontre.',
        () => 'Lire des conseils, c’est bien. Les vivre en direct, questions comprises, c’est encore mieux.',
      ],
      pain: [
        () => 'Quand on avance sans personne avec qui échanger, on tourne vite en rond.',
        () => 'Entre les contenus en ligne et les conseils contradictoires, difficile de savoir ce qui s’applique vraiment à votre situation.',
      ],
      stakes: [
        () => 'Et les mêmes questions restent sans réponse, semaine après semaine.',
        () => 'Et l’on finit par remettre à plus tard ce qui pourrait changer beaucoup.',
      ],
      promise: [
        () => 'Vous repartirez avec des réponses claires, des idées concrètes et l’envie de passer à l’action.',
        () => 'Imaginez repartir de cette rencontre avec un plan clair et des réponses à vos questions.',
      ],
      offer: [
        (v) => `C’est pour cela que j’organise ${v.topicQ} : un moment d’échange concret, où vous pourrez poser toutes vos questions.`,
        () => 'Au programme : des explications concrètes, des exemples et du temps pour vos questions.',
      ],
      bullets: [
        () => 'Des explications concrètes et accessibles',
        () => 'Du temps dédié à vos questions',
        () => 'Des exemples tirés de situations réelles',
        () => 'Un moment d’échange convivial',
        () => 'Des idées à appliquer dès le lendemain',
      ],
      cta: [() => 'Je réserve ma place', () => 'Je m’inscris', () => 'Réserver ma place'],
      ps: [
        () => 'Vous connaissez quelqu’un que ce thème intéresserait ? Transférez-lui cette invitation.',
        () => 'Une question sur l’événement ? Répondez à cet e-mail, je vous réponds personnellement.',
      ],
      titles: { attention: [(v) => v.topic, () => 'Une invitation pour vous'], after: [() => 'Ce que vous en retirerez'] },
    },
    re_engagement: {
      frameworks: ['pas', 'bab'],
      subjects: {
        question: [(v) => `${v.topic} : toujours d’actualité pour vous ?`, () => 'On garde le contact ?'],
        benefit: [(v) => `${v.topic} : l’essentiel en quelques lignes`, () => 'Ce que vous avez manqué ces derniers temps'],
        curiosity: [() => 'Cela fait un moment…', () => 'Je me demandais si tout allait bien'],
        urgency: [() => 'Dites-moi vite si je dois continuer à vous écrire', () => 'Une réponse rapide de votre part ?'],
      },
      preheader: [() => 'Cela fait un moment. Voici ce que vous avez peut-être manqué.', () => 'Un petit mot pour prendre de vos nouvelles.'],
      intro: [
        () => 'Cela fait un moment que je n’ai pas eu de vos nouvelles, alors je voulais simplement prendre le temps de vous écrire.',
        () => 'J’ai l’impression que mes derniers messages sont passés inaperçus, et c’est bien normal : nos boîtes de réception débordent.',
      ],
      hook: [
        () => 'Je sais que les semaines passent vite et que votre boîte de réception ne désemplit pas.',
        () => 'Vos priorités ont peut-être changé depuis votre inscription, et c’est tout à fait normal.',
      ],
      pain: [
        () => 'Trop de messages, pas assez de temps : on finit par tout survoler, même ce qui nous intéressait vraiment.',
        () => 'Vos priorités ont peut-être changé depuis votre inscription, et c’est tout à fait normal.',
      ],
      stakes: [
        () => 'Et c’est dommage, car c’est justement là que se trouvent les idées qui auraient pu vous aider.',
        () => 'Et petit à petit, on perd le fil de ce qui nous avait donné envie d’avancer.',
      ],
      promise: [
        () => 'Mon objectif : ne vous envoyer que ce qui vous est vraiment utile, au bon moment.',
        () => 'Imaginez recevoir uniquement des messages courts, utiles et adaptés à ce que vous vivez aujourd’hui.',
      ],
      offer: [
        (v) => `Pour reprendre contact, j’ai rassemblé l’essentiel autour de ${v.topicQ}, en quelques minutes de lecture.`,
        () => 'Alors je vous propose de repartir sur de bonnes bases, avec ce qui compte le plus pour vous.',
      ],
      bullets: [
        () => 'L’essentiel de ce que vous avez manqué',
        () => 'Des conseils courts, faciles à appliquer',
        () => 'Des messages adaptés à vos priorités du moment',
        () => 'La liberté de choisir ce que vous recevez',
      ],
      cta: [() => 'Oui, je reste', () => 'Je garde le contact', () => 'Voir les nouveautés'],
      ps: [
        () => 'Si mes messages ne vous intéressent plus, aucun souci : le lien de désinscription se trouve en bas de cet e-mail.',
        () => 'Un sujet que vous aimeriez que j’aborde ? Répondez à ce message, je lis toutes les réponses.',
      ],
      titles: { problem: [() => 'Je comprends', () => 'Le constat'], before: [() => 'Je comprends'] },
    },
    follow_up: {
      frameworks: ['pas', 'aida'],
      subjects: {
        question: [(v) => `${v.topic} : avez-vous des questions ?`, () => 'Avez-vous eu le temps d’y réfléchir ?'],
        benefit: [(v) => `${v.topic} : les prochaines étapes`, () => 'Tout ce qu’il vous faut pour la suite'],
        curiosity: [(v) => `Une dernière chose à propos de ${v.topicQ}`, () => 'Je repensais à notre dernier échange…'],
        urgency: [(v) => `${v.topic} : passons à l’étape suivante`, () => 'Ne laissez pas retomber l’élan'],
      },
      preheader: [(v) => `${v.topic} : un récapitulatif et la suite.`, () => 'Un petit suivi pour vous aider à passer à l’étape suivante.'],
      intro: [
        (v) => `Je reviens vers vous au sujet de ${v.topicQ}, pour m’assurer que vous avez tout ce qu’il faut pour la suite.`,
        (v) => `Suite à notre dernier échange autour de ${v.topicQ}, je voulais prendre de vos nouvelles.`,
        () => 'Je reviens vers vous pour m’assurer que vous avez tout ce qu’il faut pour la suite.',
      ],
      hook: [
        () => 'Entre l’intention et l’action, il manque souvent une chose : savoir clairement quelle est la prochaine étape.',
        () => 'Après un premier échange, les questions arrivent souvent un peu plus tard. C’est normal.',
      ],
      pain: [
        () => 'Une fois l’enthousiasme du début retombé, le quotidien reprend le dessus et le projet glisse en bas de la liste.',
        () => 'Vous avez peut-être encore une hésitation, ou une question restée sans réponse.',
      ],
      stakes: [() => 'Et plus on attend, plus il devient difficile de s’y remettre.', () => 'Et une petite hésitation suffit parfois à tout mettre en pause.'],
      promise: [
        () => 'L’idée : que vous sachiez clairement quelle est la prochaine étape, et que vous puissiez la franchir sereinement.',
        () => 'Imaginez avoir déjà franchi cette étape, et avancer enfin avec un cap clair.',
      ],
      offer: [
        () => 'Pour vous faciliter les choses, voici un récapitulatif simple et la prochaine étape que je vous propose.',
        () => 'Je reste disponible pour répondre à vos questions et vous aider à décider en toute confiance.',
      ],
      bullets: [
        () => 'Un récapitulatif de l’essentiel',
        () => 'La prochaine étape, expliquée simplement',
        () => 'Des réponses aux questions les plus fréquentes',
        () => 'Un accompagnement si vous en avez besoin',
        () => 'Aucune pression : vous décidez à votre rythme',
      ],
      cta: [() => 'Passer à l’étape suivante', () => 'Je continue', () => 'Voir la suite'],
      ps: [
        () => 'Une question, même petite ? Répondez à cet e-mail, je vous réponds personnellement.',
        () => 'Si ce n’est pas le bon moment, dites-le-moi simplement : je comprendrai.',
      ],
    },
  },
};
