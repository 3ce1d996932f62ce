import { BLOCK_KINDS } from '../../../contracts/funnel-blocks.js';
import type { TFunnelLanguage } from '../../../contracts/funnels.js';
import {
  announce,
  bio,
  checklist,
  countdown,
  ctaBox,
  eyebrow,
  faq,
  features,
  footer,
  formCard,
  guarantee,
  heading,
  heroPoints,
  linkButton,
  liveEyebrow,
  modules,
  nextStep,
  noteBox,
  optinForm,
  orderForm,
  painlist,
  reveal,
  section,
  steps,
  successMark,
  templatePage,
  testimonials,
  topbar,
  video,
} from './template-blocks.js';
import type { TFeature, TIconName, TModule, TTestimonial } from './template-blocks.js';
import { THEMES } from './template-styles.js';
import type { TFunnelTemplateDefinition } from './template-types.js';

// Webinar: registration (opt-in with the session picker) -> confirmation (add to calendar) -> the live room (video,
// delayed offer with a countdown, a form to get the replay) -> replay and offer (order form) -> welcome.

const FR = {
  name: 'Masterclass en ligne (webinaire)',
  description:
    'Inscription à une masterclass gratuite avec choix de la session, confirmation avec le lien d’accès personnel et rappels par e-mail, salle de diffusion (compte à rebours, vidéo, replay) avec offre à durée limitée, page de replay avec bon de commande, puis page de bienvenue.',
  topic: 'Attirez des clients réguliers sans prospection à froid',
  register: {
    name: 'Inscription à la masterclass',
    slug: 'inscription',
    seoTitle: 'Masterclass gratuite : attirez des clients réguliers',
    seoDescription:
      'En 60 minutes, découvrez la méthode en 3 étapes pour transformer votre expertise en un flux régulier de demandes, même avec une petite audience. Inscription gratuite.',
    topNote: 'Masterclass gratuite en direct',
    eyebrow: 'Masterclass en ligne gratuite',
    title: 'Attirez des clients réguliers <span class="mk-mark">sans prospection à froid</span>',
    lead: 'En 60 minutes, découvrez la méthode en 3 étapes que nous appliquons avec nos clients pour transformer leur expertise en un flux régulier de demandes, même avec une petite audience.',
    points: [
      { icon: 'calendar', text: 'Plusieurs dates au choix' },
      { icon: 'clock', text: '60 minutes + questions' },
      { icon: 'video', text: 'Replay offert pendant 48 h' },
    ] satisfies { icon: TIconName; text: string }[],
    formTitle: 'Réservez votre place',
    formText: 'Gratuit. Places limitées à 100 participants par session pour pouvoir répondre à chacun.',
    consent:
      'J’accepte de recevoir les e-mails de Votre Marque : le lien de la masterclass, les rappels, puis des conseils et des offres. Je peux me désinscrire à tout moment.',
    submit: 'Je réserve ma place gratuite',
    learnTitle: 'Pendant cette masterclass, vous allez découvrir',
    learnIntro: 'Trois idées simples, illustrées par des cas réels, que vous pourrez appliquer dès le lendemain.',
    learn: [
      {
        title: 'L’offre qui se vend presque seule',
        text: 'Pourquoi vos prospects hésitent, et comment formuler une offre dont la valeur saute aux yeux en une phrase.',
      },
      {
        title: 'Le contenu qui attire les bons clients',
        text: 'Les 3 formats qui démontrent votre expertise sans y passer vos soirées, ni danser sur les réseaux sociaux.',
      },
      {
        title: 'La conversation qui mène au rendez-vous',
        text: 'Comment transformer un simple intérêt en appel découverte, avec des messages qui ne sonnent jamais comme de la vente.',
      },
    ] satisfies TModule[],
    forTitle: 'Cette masterclass est faite pour vous si…',
    forItems: [
      'Vous vendez un service ou un accompagnement (coaching, conseil, formation, bien-être)',
      'Vos clients viennent surtout du bouche-à-oreille, donc au compte-gouttes',
      'Vous voulez une méthode simple, que vous pouvez tenir avec quelques heures par semaine',
    ],
    notForTitle: '…et pas pour vous si',
    notForItems: [
      'Vous cherchez une recette miracle pour devenir riche en une semaine',
      'Vous n’êtes pas prêt à consacrer un peu de temps chaque semaine à votre visibilité',
    ],
    bio: {
      title: 'Votre hôte',
      name: 'Votre Nom',
      role: 'Plus de 400 indépendants accompagnés, 10 ans d’expérience du marketing des services.',
      paragraphs: [
        'Je partage dans cette masterclass la méthode que j’utilise avec mes clients en accompagnement individuel : sans jargon, sans budget publicitaire, avec des exemples que vous reconnaîtrez.',
      ],
    },
    testimonialsTitle: 'Ce qu’en disent les participants',
    testimonials: [
      {
        quote: '« Une heure très dense, sans blabla. J’ai réécrit mon offre le soir même et obtenu deux rendez-vous la semaine suivante. »',
        name: 'Sophie',
        role: 'Sophrologue',
      },
      {
        quote: '« Je redoutais le discours commercial à la fin. Il y en a un, mais la masterclass à elle seule valait largement l’heure passée. »',
        name: 'Marc',
        role: 'Consultant en organisation',
      },
      {
        quote: '« Les exemples de messages sont directement réutilisables. Je les ai adaptés à mon métier en vingt minutes. »',
        name: 'Léa',
        role: 'Formatrice indépendante',
      },
    ] satisfies TTestimonial[],
    faqTitle: 'Questions fréquentes',
    faq: [
      {
        q: 'La masterclass est-elle vraiment gratuite ?',
        a: 'Oui, entièrement. À la fin, nous présentons notre programme d’accompagnement pour celles et ceux qui veulent aller plus loin, sans aucune obligation.',
      },
      {
        q: 'Dois-je être disponible en direct ?',
        a: 'C’est préférable pour poser vos questions, mais tous les inscrits reçoivent le replay, disponible pendant 48 heures.',
      },
      { q: 'Faut-il installer un logiciel ?', a: 'Non. La masterclass se regarde dans votre navigateur, sur ordinateur, tablette ou téléphone.' },
      {
        q: 'Je débute, est-ce trop tôt ?',
        a: 'Pas du tout : la méthode part de zéro. Si vous avez déjà des clients, elle vous aidera à rendre leur arrivée plus régulière.',
      },
    ],
    cta: { title: 'Votre place vous attend', text: '60 minutes pour repartir avec une méthode claire et un plan d’action.', button: 'Je réserve ma place' },
  },
  confirm: {
    name: 'Confirmation d’inscription',
    slug: 'confirmation',
    seoTitle: 'Votre place à la masterclass est réservée',
    seoDescription: 'Votre inscription est confirmée. Ajoutez la masterclass à votre agenda et préparez-vous pour en tirer le meilleur.',
    eyebrow: 'Inscription confirmée',
    title: 'C’est confirmé : votre place est réservée !',
    lead: 'Vous venez de recevoir un e-mail avec la date de votre session et votre lien d’accès personnel.',
    calendar:
      '<strong>Notez la date dans votre agenda</strong> : votre lien d’accès personnel est dans l’e-mail de confirmation. Nous vous enverrons aussi un rappel la veille, une heure avant, puis au moment où la masterclass commence.',
    sessionText: 'Votre session :',
    stepsTitle: 'Trois choses à faire d’ici là',
    steps: [
      { title: 'Bloquez le créneau', text: 'Ajoutez la session à votre agenda et prévenez votre entourage : une heure rien que pour vous.' },
      { title: 'Notez votre question', text: 'Quelle est la difficulté n° 1 de votre activité aujourd’hui ? Nous répondrons en direct à la fin.' },
      { title: 'Connectez-vous en avance', text: 'La salle ouvre 15 minutes avant le début. Prévoyez de quoi noter et un endroit calme.' },
    ],
    roomTitle: 'Le jour J',
    roomText: 'Cliquez sur le lien reçu par e-mail, ou directement ici : la page affiche un compte à rebours jusqu’au début.',
    roomButton: 'Accéder à la salle de la masterclass',
  },
  room: {
    name: 'Salle de diffusion',
    slug: 'direct',
    seoTitle: 'En direct : masterclass clients réguliers',
    seoDescription: 'Suivez la masterclass en direct : la méthode en 3 étapes pour attirer des clients réguliers sans prospection à froid.',
    topNote: 'Diffusion en direct',
    eyebrow: 'En direct',
    videoTitle: 'La masterclass commence à l’heure prévue : restez sur cette page',
    videoDuration: '60 minutes + questions',
    tips: [
      { icon: 'mic', text: 'Activez le son' },
      { icon: 'file', text: 'Gardez de quoi noter' },
      { icon: 'chat', text: 'Préparez vos questions pour la fin' },
    ] satisfies { icon: TIconName; text: string }[],
    offerTitle: 'Offre réservée aux participants',
    offerText:
      'Rejoignez le programme Clients Réguliers à un tarif préférentiel, avec un audit de votre offre en visio offert. L’offre disparaît à la fin du compte à rebours.',
    offerCountdown: 'L’offre participants se termine dans',
    offerExpired: 'L’offre participants est terminée.',
    offerButton: 'Je découvre le programme',
    beforeText: 'La masterclass commence le',
    beforeCountdown: 'Début dans',
    replayText: 'Replay disponible jusqu’au',
    endedText: 'Le replay n’est plus disponible.',
    invalidText: 'Ce lien d’accès n’est pas valide. Utilisez le lien personnel reçu par e-mail, ou inscrivez-vous à une prochaine session.',
    registerButton: 'Je m’inscris',
    learnTitle: 'Au programme aujourd’hui',
    learn: [
      'L’offre qui se vend presque seule : la formuler en une phrase',
      'Le contenu qui attire les bons clients, sans y passer vos soirées',
      'La conversation qui transforme un intérêt en rendez-vous',
      'Vos questions, en direct',
    ],
    formTitle: 'Recevez le replay et le support',
    formText: 'Le replay et les diapositives en PDF, envoyés par e-mail après la diffusion.',
    consent:
      'J’accepte de recevoir les e-mails de Votre Marque : le replay, le support, puis des conseils et des offres. Je peux me désinscrire à tout moment.',
    submit: 'Je veux le replay',
  },
  replay: {
    name: 'Replay et offre',
    slug: 'replay',
    seoTitle: 'Replay de la masterclass et offre participants',
    seoDescription:
      'Revoyez la masterclass pendant 48 heures et rejoignez le programme Clients Réguliers à tarif participants : 8 semaines pour installer votre système d’acquisition.',
    announce: 'Replay disponible pendant 48 h · <strong>offre participants incluse</strong>',
    eyebrow: 'Replay de la masterclass',
    title: 'Revoyez la masterclass avant qu’elle ne disparaisse',
    videoTitle: 'Replay : attirez des clients réguliers sans prospection à froid',
    videoDuration: '62 minutes',
    countdownTitle: 'Le replay et l’offre disparaissent dans',
    countdownExpired: 'Le replay n’est plus disponible.',
    heroButton: 'Je rejoins le programme',
    offerEyebrow: 'Le programme',
    offerTitle: 'Clients Réguliers : 8 semaines pour installer votre système d’acquisition',
    offerIntro:
      'Vous avez vu la méthode. Le programme vous accompagne pour l’appliquer à votre activité, semaine après semaine, avec des retours personnalisés.',
    painsTitle: 'Vous vous reconnaissez ?',
    pains: [
      'Vous savez quoi faire… mais le quotidien reprend toujours le dessus',
      'Vous doutez de votre offre et personne ne vous donne d’avis franc',
      'Vous avancez seul, sans savoir si vous êtes sur la bonne voie',
    ],
    modulesTitle: 'Ce que vous allez construire',
    modules: [
      { title: 'Semaines 1 et 2 : votre offre signature', text: 'Une offre claire, un prix assumé, une promesse que vos clients comprennent.' },
      { title: 'Semaines 3 et 4 : votre contenu aimant', text: 'Votre ligne éditoriale et un mois de publications planifiées.' },
      { title: 'Semaines 5 et 6 : vos conversations', text: 'Les messages et l’appel découverte qui transforment l’intérêt en clients.' },
      { title: 'Semaines 7 et 8 : votre routine', text: 'Un système de 3 heures par semaine pour que les demandes ne s’arrêtent plus.' },
    ] satisfies TModule[],
    includedTitle: 'Tout ce qui est inclus',
    included: [
      { icon: 'video', title: '8 modules vidéo', text: 'Des leçons courtes et concrètes, à suivre à votre rythme, accessibles à vie.' },
      { icon: 'users', title: '4 séances en direct', text: 'Des sessions de questions-réponses en groupe pour lever vos blocages.' },
      { icon: 'file', title: 'Modèles et scripts', text: 'Fiches d’offre, calendriers éditoriaux, messages et trame d’appel prêts à l’emploi.' },
    ] satisfies TFeature[],
    orderTitle: 'Rejoignez le programme',
    orderIntro: 'Tarif participants à la masterclass, valable jusqu’à la fin du compte à rebours.',
    summaryTitle: 'Votre commande',
    lines: [
      { label: 'Programme Clients Réguliers (8 semaines)', value: '497 €' },
      { label: 'Remise participants à la masterclass', value: '−100 €', muted: true },
      { label: 'Bonus : audit de votre offre en visio (30 min)', value: 'Offert', muted: true },
    ],
    total: { label: 'Total aujourd’hui', value: '397 €' },
    payTitle: 'Paiement sécurisé',
    payText: 'Le formulaire de paiement s’affiche ici : carte bancaire, paiement en une fois.',
    trust: [
      { icon: 'lock', text: 'Paiement chiffré' },
      { icon: 'zap', text: 'Accès immédiat' },
      { icon: 'shield', text: 'Garantie 30 jours' },
    ] satisfies { icon: TIconName; text: string }[],
    guarantee: {
      days: 30,
      daysLabel: 'JOURS',
      title: 'Satisfait ou remboursé pendant 30 jours',
      text: 'Suivez les deux premiers modules. Si vous estimez que le programme n’est pas pour vous, écrivez-nous dans les 30 jours : nous vous remboursons intégralement, sans justification.',
    },
    testimonialsTitle: 'Ils ont suivi le programme',
    testimonials: [
      {
        quote:
          '« En huit semaines, j’ai enfin une offre que j’ose annoncer et un planning de publications que je tiens. Mon agenda est plein jusqu’au mois prochain. »',
        name: 'Claire',
        role: 'Coach parentale',
      },
      {
        quote: '« Les séances en direct ont tout changé : des retours précis sur mes messages, et la motivation de m’y tenir. »',
        name: 'Thomas',
        role: 'Ostéopathe',
      },
    ] satisfies TTestimonial[],
    faqTitle: 'Vos questions sur le programme',
    faq: [
      {
        q: 'Combien de temps faut-il prévoir par semaine ?',
        a: 'Environ 3 heures : une heure de vidéo et d’exercices, le reste pour appliquer directement à votre activité.',
      },
      { q: 'Que se passe-t-il si je prends du retard ?', a: 'Les modules restent accessibles à vie, et les séances en direct sont enregistrées.' },
      { q: 'Puis-je payer en plusieurs fois ?', a: 'Oui, le paiement en plusieurs mensualités vous est proposé sur le formulaire de paiement.' },
      {
        q: 'Et si le programme ne me convient pas ?',
        a: 'Vous bénéficiez de la garantie de 30 jours : un simple e-mail suffit pour être remboursé.',
      },
    ],
  },
  welcome: {
    name: 'Bienvenue dans le programme',
    slug: 'bienvenue',
    seoTitle: 'Bienvenue dans le programme Clients Réguliers',
    seoDescription: 'Votre inscription est confirmée. Voici comment accéder au programme et bien démarrer dès aujourd’hui.',
    eyebrow: 'Paiement confirmé',
    title: 'Bienvenue dans le programme !',
    lead: 'Merci pour votre confiance. Vous allez recevoir deux e-mails : votre reçu, et vos identifiants d’accès à l’espace de formation.',
    stepsTitle: 'Pour bien démarrer',
    steps: [
      { title: 'Connectez-vous à votre espace', text: 'Avec le lien reçu par e-mail. Pensez à l’ajouter à vos favoris.' },
      { title: 'Regardez la vidéo de bienvenue', text: 'Dix minutes pour comprendre comment tirer le meilleur des 8 semaines.' },
      { title: 'Réservez votre audit offert', text: 'Choisissez votre créneau de 30 minutes depuis votre espace.' },
    ],
    help: 'Une question ? Répondez simplement à l’e-mail de bienvenue : une vraie personne vous lit et vous répond sous 24 heures ouvrées.',
  },
};

const EN: typeof FR = {
  name: 'Online masterclass (webinar)',
  description:
    'Registration for a free masterclass with a session picker, a confirmation page with the personal access link and email reminders, a live room (countdown, video, replay) with a time-limited offer, a replay page with an order form, then a welcome page.',
  topic: 'Attract steady clients without cold outreach',
  register: {
    name: 'Masterclass registration',
    slug: 'register',
    seoTitle: 'Free masterclass: attract steady clients',
    seoDescription:
      'In 60 minutes, discover the 3-step method to turn your expertise into a steady flow of enquiries, even with a small audience. Free registration.',
    topNote: 'Free live masterclass',
    eyebrow: 'Free online masterclass',
    title: 'Attract steady clients <span class="mk-mark">without cold outreach</span>',
    lead: 'In 60 minutes, discover the 3-step method we use with our clients to turn their expertise into a steady flow of enquiries, even with a small audience.',
    points: [
      { icon: 'calendar', text: 'Several dates to choose from' },
      { icon: 'clock', text: '60 minutes + Q&A' },
      { icon: 'video', text: 'Free replay for 48 hours' },
    ],
    formTitle: 'Save your seat',
    formText: 'Free. Limited to 100 attendees per session so we can answer everyone.',
    consent: 'I agree to receive emails from Your Brand: the masterclass link, reminders, then tips and offers. I can unsubscribe at any time.',
    submit: 'Save my free seat',
    learnTitle: 'In this masterclass, you will discover',
    learnIntro: 'Three simple ideas, illustrated with real cases, that you can apply the very next day.',
    learn: [
      { title: 'The offer that almost sells itself', text: 'Why prospects hesitate, and how to phrase an offer whose value is obvious in one sentence.' },
      {
        title: 'Content that attracts the right clients',
        text: 'The 3 formats that prove your expertise without eating your evenings or dancing on social media.',
      },
      {
        title: 'The conversation that leads to a call',
        text: 'How to turn simple interest into a discovery call, with messages that never sound like selling.',
      },
    ],
    forTitle: 'This masterclass is for you if…',
    forItems: [
      'You sell a service or a programme (coaching, consulting, training, wellness)',
      'Your clients mostly come from word of mouth, so only a trickle of them',
      'You want a simple method you can keep up with a few hours a week',
    ],
    notForTitle: '…and not for you if',
    notForItems: ['You are looking for a miracle recipe to get rich in a week', 'You are not ready to spend a little time each week on your visibility'],
    bio: {
      title: 'Your host',
      name: 'Your Name',
      role: 'More than 400 independent professionals coached, 10 years of experience in marketing services.',
      paragraphs: ['In this masterclass I share the method I use with my one-to-one clients: no jargon, no ad budget, and examples you will recognise.'],
    },
    testimonialsTitle: 'What attendees say',
    testimonials: [
      {
        quote: '“A very dense hour, no fluff. I rewrote my offer that evening and booked two calls the following week.”',
        name: 'Sophie',
        role: 'Relaxation therapist',
      },
      {
        quote: '“I was dreading the sales pitch at the end. There is one, but the masterclass alone was well worth the hour.”',
        name: 'Mark',
        role: 'Operations consultant',
      },
      {
        quote: '“The message examples are ready to reuse. I adapted them to my field in twenty minutes.”',
        name: 'Leah',
        role: 'Freelance trainer',
      },
    ],
    faqTitle: 'Frequently asked questions',
    faq: [
      {
        q: 'Is the masterclass really free?',
        a: 'Yes, completely. At the end we present our coaching programme for those who want to go further, with no obligation at all.',
      },
      { q: 'Do I have to attend live?', a: 'It is better for asking questions, but everyone who registers gets the replay, available for 48 hours.' },
      { q: 'Do I need to install anything?', a: 'No. The masterclass plays in your browser, on a computer, tablet or phone.' },
      {
        q: 'I am just starting out. Is it too early?',
        a: 'Not at all: the method starts from zero. If you already have clients, it will help you make their arrival more regular.',
      },
    ],
    cta: { title: 'Your seat is waiting', text: '60 minutes to leave with a clear method and an action plan.', button: 'Save my seat' },
  },
  confirm: {
    name: 'Registration confirmed',
    slug: 'confirmation',
    seoTitle: 'Your masterclass seat is saved',
    seoDescription: 'You are registered. Add the masterclass to your calendar and get ready to make the most of it.',
    eyebrow: 'Registration confirmed',
    title: 'You are in: your seat is saved!',
    lead: 'We have just emailed you the date of your session and your personal access link.',
    calendar:
      '<strong>Put the date in your calendar</strong>: your personal access link is in the confirmation email. We will also send you a reminder the day before, one hour before, then when the masterclass starts.',
    sessionText: 'Your session:',
    stepsTitle: 'Three things to do before then',
    steps: [
      { title: 'Block the time', text: 'Add the session to your calendar and let people around you know: one hour just for you.' },
      { title: 'Write down your question', text: 'What is the number one challenge in your business today? We will answer live at the end.' },
      { title: 'Join a little early', text: 'The room opens 15 minutes before the start. Have something to take notes with and a quiet spot.' },
    ],
    roomTitle: 'On the day',
    roomText: 'Click the link in your email, or come straight here: the page counts down to the start.',
    roomButton: 'Go to the masterclass room',
  },
  room: {
    name: 'Live room',
    slug: 'live',
    seoTitle: 'Live now: the steady clients masterclass',
    seoDescription: 'Watch the masterclass live: the 3-step method to attract steady clients without cold outreach.',
    topNote: 'Live broadcast',
    eyebrow: 'Live',
    videoTitle: 'The masterclass starts on time: stay on this page',
    videoDuration: '60 minutes + Q&A',
    tips: [
      { icon: 'mic', text: 'Turn your sound on' },
      { icon: 'file', text: 'Keep something to take notes' },
      { icon: 'chat', text: 'Save your questions for the end' },
    ],
    offerTitle: 'An offer for attendees only',
    offerText: 'Join the Steady Clients programme at a special price, with a free video review of your offer. The offer disappears when the countdown ends.',
    offerCountdown: 'The attendee offer ends in',
    offerExpired: 'The attendee offer has ended.',
    offerButton: 'See the programme',
    beforeText: 'The masterclass starts on',
    beforeCountdown: 'Starts in',
    replayText: 'Replay available until',
    endedText: 'The replay is no longer available.',
    invalidText: 'This access link is not valid. Use the personal link from your email, or register for an upcoming session.',
    registerButton: 'Register',
    learnTitle: 'On today’s agenda',
    learn: [
      'The offer that almost sells itself: say it in one sentence',
      'Content that attracts the right clients, without eating your evenings',
      'The conversation that turns interest into a call',
      'Your questions, answered live',
    ],
    formTitle: 'Get the replay and the slides',
    formText: 'The replay and the slides as a PDF, emailed to you after the broadcast.',
    consent: 'I agree to receive emails from Your Brand: the replay, the slides, then tips and offers. I can unsubscribe at any time.',
    submit: 'Send me the replay',
  },
  replay: {
    name: 'Replay and offer',
    slug: 'replay',
    seoTitle: 'Masterclass replay and attendee offer',
    seoDescription:
      'Watch the masterclass again for 48 hours and join the Steady Clients programme at the attendee price: 8 weeks to set up your client acquisition system.',
    announce: 'Replay available for 48 hours · <strong>attendee offer included</strong>',
    eyebrow: 'Masterclass replay',
    title: 'Watch the masterclass again before it disappears',
    videoTitle: 'Replay: attract steady clients without cold outreach',
    videoDuration: '62 minutes',
    countdownTitle: 'The replay and the offer disappear in',
    countdownExpired: 'The replay is no longer available.',
    heroButton: 'Join the programme',
    offerEyebrow: 'The programme',
    offerTitle: 'Steady Clients: 8 weeks to set up your client acquisition system',
    offerIntro: 'You have seen the method. The programme helps you apply it to your business, week after week, with personal feedback.',
    painsTitle: 'Sound familiar?',
    pains: [
      'You know what to do… but day-to-day work always takes over',
      'You doubt your offer and nobody gives you honest feedback',
      'You are on your own, never sure you are on the right track',
    ],
    modulesTitle: 'What you will build',
    modules: [
      { title: 'Weeks 1 and 2: your signature offer', text: 'A clear offer, a confident price, a promise your clients understand.' },
      { title: 'Weeks 3 and 4: your magnet content', text: 'Your editorial line and a month of scheduled posts.' },
      { title: 'Weeks 5 and 6: your conversations', text: 'The messages and the discovery call that turn interest into clients.' },
      { title: 'Weeks 7 and 8: your routine', text: 'A 3-hour-a-week system so enquiries never dry up again.' },
    ],
    includedTitle: 'Everything included',
    included: [
      { icon: 'video', title: '8 video modules', text: 'Short, practical lessons to follow at your own pace, with lifetime access.' },
      { icon: 'users', title: '4 live sessions', text: 'Group Q&A sessions to get you unstuck.' },
      { icon: 'file', title: 'Templates and scripts', text: 'Offer sheets, content calendars, messages and a call outline, ready to use.' },
    ],
    orderTitle: 'Join the programme',
    orderIntro: 'Masterclass attendee price, valid until the countdown ends.',
    summaryTitle: 'Your order',
    lines: [
      { label: 'Steady Clients programme (8 weeks)', value: '€497' },
      { label: 'Masterclass attendee discount', value: '−€100', muted: true },
      { label: 'Bonus: video review of your offer (30 min)', value: 'Free', muted: true },
    ],
    total: { label: 'Total today', value: '€397' },
    payTitle: 'Secure payment',
    payText: 'The payment form appears here: pay by card, in one go.',
    trust: [
      { icon: 'lock', text: 'Encrypted payment' },
      { icon: 'zap', text: 'Instant access' },
      { icon: 'shield', text: '30-day guarantee' },
    ],
    guarantee: {
      days: 30,
      daysLabel: 'DAYS',
      title: '30-day money-back guarantee',
      text: 'Work through the first two modules. If you feel the programme is not for you, email us within 30 days and we will refund you in full, no questions asked.',
    },
    testimonialsTitle: 'From past participants',
    testimonials: [
      {
        quote: '“In eight weeks I finally have an offer I am proud to announce and a posting schedule I stick to. My calendar is full until next month.”',
        name: 'Claire',
        role: 'Parenting coach',
      },
      {
        quote: '“The live sessions changed everything: precise feedback on my messages, and the motivation to keep going.”',
        name: 'Thomas',
        role: 'Osteopath',
      },
    ],
    faqTitle: 'Questions about the programme',
    faq: [
      { q: 'How much time should I plan each week?', a: 'About 3 hours: one hour of video and exercises, the rest to apply it directly to your business.' },
      { q: 'What if I fall behind?', a: 'You keep lifetime access to the modules, and the live sessions are recorded.' },
      { q: 'Can I pay in instalments?', a: 'Yes, monthly instalments are offered on the payment form.' },
      { q: 'What if the programme is not right for me?', a: 'You are covered by the 30-day guarantee: a simple email is enough to get a refund.' },
    ],
  },
  welcome: {
    name: 'Welcome to the programme',
    slug: 'welcome',
    seoTitle: 'Welcome to the Steady Clients programme',
    seoDescription: 'Your registration is confirmed. Here is how to access the programme and get started today.',
    eyebrow: 'Payment confirmed',
    title: 'Welcome to the programme!',
    lead: 'Thank you for your trust. You will receive two emails: your receipt, and your login details for the training area.',
    stepsTitle: 'To get off to a good start',
    steps: [
      { title: 'Log in to your area', text: 'Use the link in your email, and bookmark it.' },
      { title: 'Watch the welcome video', text: 'Ten minutes to learn how to get the most out of the 8 weeks.' },
      { title: 'Book your free review', text: 'Pick your 30-minute slot from your member area.' },
    ],
    help: 'Any questions? Just reply to the welcome email: a real person reads it and replies within one working day.',
  },
};

function webinar(lang: TFunnelLanguage, c: typeof FR): TFunnelTemplateDefinition {
  const theme = THEMES.webinar;
  const { register: r, confirm: k, room, replay: p, welcome: w } = c;
  const registerForm = optinForm(lang, { kind: 'webinar', formId: 'inscription', fields: ['first_name', 'email'], consent: r.consent, submit: r.submit });
  const replayForm = optinForm(lang, { formId: 'replay', fields: ['first_name', 'email'], consent: room.consent, submit: room.submit });
  return {
    id: `webinar-${lang}`,
    name: c.name,
    description: c.description,
    funnel_type: 'webinar',
    language: lang,
    pages: [
      templatePage(lang, theme, {
        name: r.name,
        page_type: 'optin',
        slug: r.slug,
        seo_title: r.seoTitle,
        seo_description: r.seoDescription,
        body: [
          topbar(lang, { icon: 'video', text: r.topNote }),
          `<section class="mk-hero mk-hero--dark"><div class="mk-container mk-hero-grid"><div>${liveEyebrow(r.eyebrow)}<h1>${r.title}</h1><p class="mk-lead">${r.lead}</p>${heroPoints(r.points)}</div>${formCard({ id: 'formulaire', title: r.formTitle, text: r.formText, form: registerForm })}</div></section>`,
          section(heading(r.learnTitle, r.learnIntro) + modules(r.learn, 3)),
          section(
            `<div class="mk-grid mk-grid--2"><div><h2>${r.forTitle}</h2>${checklist(r.forItems)}</div><div><h2>${r.notForTitle}</h2>${painlist(r.notForItems)}</div></div>`,
            {
              variant: 'alt',
            },
          ),
          section(bio(r.bio), { narrow: true }),
          section(heading(r.testimonialsTitle) + testimonials(lang, r.testimonials), { variant: 'alt' }),
          section(heading(r.faqTitle) + faq(r.faq)),
          section(ctaBox(`<h2>${r.cta.title}</h2><p>${r.cta.text}</p>${linkButton(r.cta.button, '#formulaire', { variant: 'light', xl: true })}`), {
            tight: true,
          }),
          footer(lang),
        ],
      }),
      templatePage(lang, theme, {
        name: k.name,
        page_type: 'thank_you',
        slug: k.slug,
        seo_title: k.seoTitle,
        seo_description: k.seoDescription,
        body: [
          topbar(lang),
          `<section class="mk-hero mk-hero--center"><div class="mk-container mk-narrow">${successMark()}${eyebrow(k.eyebrow)}<h1>${k.title}</h1><p class="mk-lead">${k.lead}</p>${webinarState('before', `<p class="mk-lead">${k.sessionText} <strong>${webinarField('starts_at')}</strong></p>`)}${noteBox('calendar', k.calendar)}</div></section>`,
          section(heading(k.stepsTitle) + steps(k.steps, true), { variant: 'alt' }),
          section(`<div class="mk-center"><h2>${k.roomTitle}</h2><p class="mk-lead">${k.roomText}</p>${webinarLink('watch', k.roomButton, 'outline')}</div>`, {
            narrow: true,
            tight: true,
          }),
          footer(lang),
        ],
      }),
      templatePage(lang, theme, {
        name: room.name,
        page_type: 'webinar',
        slug: room.slug,
        seo_title: room.seoTitle,
        seo_description: room.seoDescription,
        body: [
          topbar(lang, { icon: 'video', text: room.topNote }),
          // The room's states, one shown at a time by our webinar script for the visitor's watch link (?t=<token>).
          `<section class="mk-hero mk-hero--dark mk-hero--center"><div class="mk-container mk-narrow">${webinarState('live', liveEyebrow(room.eyebrow))}<h1>${c.topic}</h1>${webinarState(
            'before',
            `<p class="mk-lead">${room.beforeText} <strong>${webinarField('starts_at')}</strong></p>${webinarCountdown(lang, room.beforeCountdown)}`,
          )}${webinarState(
            'live',
            `${webinarVideo(lang, { title: room.videoTitle, duration: room.videoDuration })}${heroPoints(room.tips)}${reveal(
              2400,
              `<h2>${room.offerTitle}</h2><p>${room.offerText}</p>${countdown(lang, { minutes: 120, units: ['hours', 'minutes', 'seconds'], expiredText: room.offerExpired, title: room.offerCountdown })}<div class="mk-cta">${nextStep(room.offerButton, { xl: true, variant: 'light' })}</div>`,
            )}`,
          )}${webinarState(
            'replay',
            `<p class="mk-lead">${room.replayText} <strong>${webinarField('replay_until')}</strong></p>${webinarVideo(lang, { title: room.videoTitle, duration: room.videoDuration })}<div class="mk-cta">${nextStep(room.offerButton, { xl: true, variant: 'light' })}</div>`,
          )}${webinarState('ended', `<p class="mk-lead">${room.endedText}</p><div class="mk-cta">${nextStep(room.offerButton, { variant: 'light' })}</div>`)}${webinarState(
            'invalid',
            `<p class="mk-lead">${room.invalidText}</p><div class="mk-cta">${webinarLink('register', room.registerButton, 'light')}</div>`,
          )}</div></section>`,
          section(
            `<div class="mk-split"><div><h2>${room.learnTitle}</h2>${checklist(room.learn)}</div>${formCard({ id: 'replay', title: room.formTitle, text: room.formText, form: replayForm })}</div>`,
            { variant: 'alt' },
          ),
          footer(lang),
        ],
      }),
      templatePage(lang, theme, {
        name: p.name,
        page_type: 'sales',
        slug: p.slug,
        seo_title: p.seoTitle,
        seo_description: p.seoDescription,
        body: [
          announce(p.announce),
          topbar(lang),
          `<section class="mk-hero mk-hero--dark mk-hero--center"><div class="mk-container mk-narrow">${eyebrow(p.eyebrow, 'video')}<h1>${p.title}</h1>${video(lang, { title: p.videoTitle, duration: p.videoDuration })}<div class="mk-cta">${countdown(lang, { minutes: 2880, units: ['hours', 'minutes', 'seconds'], expiredText: p.countdownExpired, title: p.countdownTitle })}</div><div class="mk-cta">${linkButton(p.heroButton, '#commande', { variant: 'light', xl: true })}</div></div></section>`,
          section(
            `${heading(p.offerTitle, p.offerIntro, p.offerEyebrow)}<div class="mk-narrow"><h3 class="mk-center">${p.painsTitle}</h3>${painlist(p.pains)}</div>`,
          ),
          section(heading(p.modulesTitle) + modules(p.modules), { variant: 'alt' }),
          section(heading(p.includedTitle) + features(p.included)),
          section(
            heading(p.orderTitle, p.orderIntro) +
              orderForm({ summaryTitle: p.summaryTitle, lines: p.lines, total: p.total, title: p.payTitle, text: p.payText, trust: p.trust }),
            { variant: 'tint', id: 'commande' },
          ),
          section(guarantee(p.guarantee)),
          section(heading(p.testimonialsTitle) + testimonials(lang, p.testimonials), { variant: 'alt' }),
          section(heading(p.faqTitle) + faq(p.faq)),
          footer(lang, { terms: true }),
        ],
      }),
      templatePage(lang, theme, {
        name: w.name,
        page_type: 'thank_you',
        slug: w.slug,
        seo_title: w.seoTitle,
        seo_description: w.seoDescription,
        body: [
          topbar(lang),
          `<section class="mk-hero mk-hero--center"><div class="mk-container mk-narrow">${successMark()}${eyebrow(w.eyebrow)}<h1>${w.title}</h1><p class="mk-lead">${w.lead}</p></div></section>`,
          section(heading(w.stepsTitle) + steps(w.steps, true), { variant: 'alt' }),
          section(noteBox('chat', w.help), { narrow: true, tight: true }),
          footer(lang),
        ],
      }),
    ],
  };
}

/** One of the watch page's states (ARCHITECTURE.md, "Webinars"): hidden until our webinar script shows it. */
function webinarState(state: 'before' | 'live' | 'replay' | 'ended' | 'invalid', inner: string): string {
  return `<div data-mk="${BLOCK_KINDS.webinarState}" data-state="${state}">${inner}</div>`;
}

/** A session's time the webinar script writes (start, end of the replay). */
function webinarField(field: 'starts_at' | 'replay_until'): string {
  return `<span data-mk="${BLOCK_KINDS.webinarField}" data-field="${field}"></span>`;
}

/** The visitor's watch link (or the registration page's) as a button; hidden until the script knows it. */
function webinarLink(link: 'watch' | 'register', label: string, variant: 'outline' | 'light'): string {
  return `<a data-mk="${BLOCK_KINDS.webinarLink}" data-link="${link}" href="#" class="mk-btn mk-btn--${variant}">${label}</a>`;
}

/** The session's player: the video block's poster, which the script replaces with the webinar's video while it plays. */
function webinarVideo(lang: TFunnelLanguage, options: { title: string; duration: string }): string {
  return video(lang, options).replace(/data-mk="video" data-provider="[a-z]+" data-video="[^"]*"/, `data-mk="${BLOCK_KINDS.webinarVideo}"`);
}

/** A countdown to the session's start (the countdown block's markup; the script sets its end from the registration). */
function webinarCountdown(lang: TFunnelLanguage, title: string): string {
  return countdown(lang, { until: '', units: ['days', 'hours', 'minutes', 'seconds'], expiredText: '', title }).replace(
    /data-mk="countdown" class="mk-countdown" data-mode="fixed" data-until="" data-expired-text=""/,
    `data-mk="${BLOCK_KINDS.webinarCountdown}" class="mk-countdown"`,
  );
}

export const WEBINAR_TEMPLATES: TFunnelTemplateDefinition[] = [webinar('fr', FR), webinar('en', EN)];
