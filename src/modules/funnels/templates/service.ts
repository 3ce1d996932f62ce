import type { TFunnelLanguage } from '../../../contracts/funnels.js';
import {
  bio,
  ctaBox,
  eyebrow,
  faq,
  features,
  footer,
  formCard,
  guarantee,
  heading,
  linkButton,
  meta,
  noteBox,
  optinForm,
  pricing,
  section,
  stats,
  steps,
  successMark,
  templatePage,
  testimonials,
  topbar,
} from './template-blocks.js';
import type { TFeature, TIconName, TPriceCard, TTestimonial } from './template-blocks.js';
import { THEMES } from './template-styles.js';
import type { TFunnelTemplateDefinition } from './template-types.js';

// Service: book a free discovery call (opt-in with a phone number) -> the packages and their prices -> confirmation.
// Written for professionals: "vous" throughout.

const FR = {
  name: 'Accompagnement (service)',
  description:
    'Pour les coachs, consultants et agences : réservation d’un appel découverte gratuit (avec téléphone), présentation des formules et de leurs tarifs, puis confirmation.',
  call: {
    name: 'Réservation de l’appel découverte',
    slug: 'appel-decouverte',
    seoTitle: 'Appel découverte gratuit de 30 minutes',
    seoDescription:
      'Réservez un appel découverte gratuit et sans engagement : 30 minutes pour faire le point sur votre activité, clarifier vos priorités et repartir avec 3 actions concrètes.',
    topNote: 'Appel offert · 30 min',
    eyebrow: 'Appel découverte offert · 30 minutes',
    title: 'Faisons le point sur votre activité, <span class="mk-mark">en 30 minutes</span>',
    lead: 'Un échange individuel et sans engagement pour clarifier vos priorités, repérer ce qui vous freine et repartir avec 3 actions concrètes, que nous travaillions ensemble ensuite ou non.',
    meta: [
      { icon: 'phone', text: 'Par téléphone ou en visio, selon votre préférence' },
      { icon: 'clock', text: '30 minutes, au créneau qui vous convient' },
      { icon: 'gift', text: 'Gratuit et sans engagement' },
    ] satisfies { icon: TIconName; text: string }[],
    formTitle: 'Réservez votre appel',
    formText: 'Laissez vos coordonnées : nous vous recontactons sous 48 heures ouvrées pour fixer le créneau.',
    consent:
      'J’accepte que Votre Marque me contacte au sujet de ma demande et m’envoie ses e-mails (conseils et offres). Je peux me désinscrire à tout moment.',
    submit: 'Je réserve mon appel gratuit',
    howTitle: 'Comment se déroule l’appel',
    how: [
      { title: 'Vous remplissez le formulaire', text: 'Deux minutes suffisent. Ajoutez si vous le souhaitez le nom de votre entreprise.' },
      { title: 'Nous fixons le créneau', text: 'Nous vous recontactons sous 48 heures ouvrées pour convenir d’un horaire.' },
      { title: 'Nous faisons le point', text: '30 minutes d’échange franc sur votre situation, vos objectifs et vos prochaines étapes.' },
    ],
    gainsTitle: 'Ce que vous retirez de cet appel',
    gains: [
      { icon: 'target', title: 'Des priorités claires', text: 'Ce qui mérite votre énergie dans les trois prochains mois, et ce qui peut attendre.' },
      { icon: 'compass', title: 'Un regard extérieur honnête', text: 'Un avis franc sur votre offre, votre positionnement et votre organisation.' },
      { icon: 'checkCircle', title: '3 actions concrètes', text: 'À mettre en place dès la semaine suivante, que vous soyez accompagné ou non.' },
    ] satisfies TFeature[],
    statsComment: 'Chiffres d’exemple : remplacez-les par les vôtres ou supprimez ce bloc.',
    stats: [
      { value: '12 ans', label: 'd’expérience' },
      { value: '350+', label: 'clients accompagnés' },
      { value: '4,9/5', label: 'satisfaction moyenne' },
      { value: '92 %', label: 'nous recommandent' },
    ],
    bio: {
      title: 'Qui vous répond ?',
      name: 'Votre Nom',
      role: 'Consultant en stratégie pour les indépendants et les petites équipes.',
      paragraphs: [
        'Après douze ans en entreprise puis à mon compte, j’accompagne les dirigeants de petites structures à y voir clair et à décider plus vite. Chaque appel découverte est mené personnellement, jamais par un commercial.',
      ],
    },
    testimonialsTitle: 'Ils ont commencé par un appel découverte',
    testimonials: [
      {
        quote: '« En trente minutes, j’ai compris pourquoi je tournais en rond depuis un an. L’accompagnement qui a suivi a tout changé. »',
        name: 'Isabelle',
        role: 'Fondatrice d’une agence de communication',
      },
      {
        quote: '« Aucune pression commerciale, juste des conseils utiles. J’ai appliqué les trois actions avant même de m’engager. »',
        name: 'David',
        role: 'Architecte d’intérieur',
      },
      {
        quote: '« Un regard extérieur précis et bienveillant. Je recommande à tous les indépendants qui se sentent seuls face à leurs décisions. »',
        name: 'Amélie',
        role: 'Consultante RH',
      },
    ] satisfies TTestimonial[],
    faqTitle: 'Questions fréquentes',
    faq: [
      { q: 'L’appel est-il vraiment gratuit ?', a: 'Oui, entièrement, et sans engagement. Vous repartez avec des pistes concrètes dans tous les cas.' },
      {
        q: 'Allez-vous essayer de me vendre quelque chose ?',
        a: 'Non. Si un accompagnement peut vous aider, nous vous le dirons simplement et vous enverrons les détails par e-mail. Vous décidez ensuite, à tête reposée.',
      },
      {
        q: 'Et si je ne sais pas encore ce dont j’ai besoin ?',
        a: 'C’est précisément le but de l’appel : faire le point ensemble et identifier ce qui vous aidera le plus.',
      },
      {
        q: 'Que faites-vous de mon numéro de téléphone ?',
        a: 'Il sert uniquement à vous appeler pour ce rendez-vous. Il n’est ni partagé, ni utilisé pour du démarchage.',
      },
    ],
    cta: {
      title: 'Prêt à y voir plus clair ?',
      text: 'Réservez votre appel découverte : 30 minutes, gratuit, sans engagement.',
      button: 'Je réserve mon appel',
    },
  },
  packages: {
    name: 'Formules d’accompagnement',
    slug: 'formules',
    seoTitle: 'Nos formules d’accompagnement et leurs tarifs',
    seoDescription:
      'Séance ponctuelle, accompagnement sur 3 mois ou partenariat sur 6 mois : découvrez nos formules d’accompagnement pour indépendants et petites équipes, avec leurs tarifs.',
    notice: 'Votre demande d’appel est bien enregistrée : nous vous recontactons sous 48 heures ouvrées.',
    eyebrow: 'Nos formules',
    title: 'Un accompagnement à la mesure de vos ambitions',
    lead: 'Un regard extérieur ponctuel ou un partenaire sur plusieurs mois : choisissez la formule qui vous ressemble. Nous en parlerons ensemble lors de votre appel.',
    pricingComment: 'Tarifs d’exemple : remplacez-les par les vôtres.',
    pricing: [
      {
        name: 'Séance Déclic',
        description: 'Pour débloquer une décision ou un projet précis.',
        price: '190 €',
        period: '/ séance',
        features: [
          'Questionnaire de préparation',
          '90 minutes en visio, enregistrées',
          'Plan d’action écrit sous 48 h',
          'Deux semaines de questions par e-mail',
        ],
        cta: 'Choisir Déclic',
      },
      {
        name: 'Accompagnement Cap',
        description: 'Trois mois pour transformer votre activité en profondeur.',
        price: '1 200 €',
        period: '/ 3 mois',
        note: 'Ou 3 mensualités de 400 €',
        features: [
          '6 séances individuelles de 60 minutes',
          'Feuille de route trimestrielle',
          'Relecture de vos pages et de vos offres',
          'Messagerie directe, réponse sous 24 h ouvrées',
        ],
        cta: 'Choisir Cap',
        featured: true,
        badge: 'Le plus choisi',
      },
      {
        name: 'Partenariat Premium',
        description: 'Six mois à vos côtés pour une activité en croissance.',
        price: '3 900 €',
        period: '/ 6 mois',
        features: [
          'Une séance stratégique de 2 heures par mois',
          'Un point hebdomadaire de 30 minutes',
          'Mise en place de vos tunnels et automatisations',
          'Priorité d’agenda',
        ],
        cta: 'Choisir Premium',
      },
    ] satisfies TPriceCard[],
    includedTitle: 'Inclus dans chaque formule',
    included: [
      { icon: 'lock', title: 'Confidentialité totale', text: 'Tout ce que vous partagez reste entre nous, engagement écrit à l’appui.' },
      { icon: 'users', title: 'Un interlocuteur unique', text: 'La même personne du premier appel à la dernière séance.' },
      { icon: 'file', title: 'Des outils concrets', text: 'Modèles, grilles et comptes rendus à réutiliser après l’accompagnement.' },
    ] satisfies TFeature[],
    methodTitle: 'Notre méthode',
    method: [
      { title: 'Diagnostic', text: 'Nous analysons votre situation, vos chiffres et vos objectifs pour partir des bonnes priorités.' },
      { title: 'Plan d’action', text: 'Une feuille de route claire, découpée en étapes réalistes pour votre emploi du temps.' },
      { title: 'Mise en œuvre et suivi', text: 'Nous avançons ensemble, ajustons en chemin et mesurons les résultats.' },
    ],
    guarantee: {
      days: 14,
      daysLabel: 'JOURS',
      title: 'Satisfait de la première séance, ou remboursé',
      text: 'Si la première séance ne vous apporte pas ce que vous attendiez, dites-le-nous dans les 14 jours : nous vous remboursons intégralement, sans discussion.',
    },
    testimonialsTitle: 'Ce qu’en disent nos clients',
    testimonials: [
      {
        quote: '« L’accompagnement Cap m’a permis de recentrer mon offre et de doubler mon panier moyen en un trimestre. »',
        name: 'Nicolas',
        role: 'Dirigeant d’un cabinet de conseil',
      },
      {
        quote: '« Des séances structurées, des comptes rendus clairs et une vraie disponibilité entre deux rendez-vous. »',
        name: 'Sarah',
        role: 'Fondatrice d’une marque de cosmétiques',
      },
    ] satisfies TTestimonial[],
    faqTitle: 'Questions fréquentes',
    faq: [
      {
        q: 'Comment choisir la bonne formule ?',
        a: 'C’est l’objet de l’appel découverte : nous vous conseillons la formule adaptée, ou aucune si ce n’est pas le bon moment.',
      },
      { q: 'Puis-je payer en plusieurs fois ?', a: 'Oui, l’accompagnement Cap et le partenariat Premium peuvent être réglés en mensualités.' },
      { q: 'Et si je dois annuler une séance ?', a: 'Prévenez-nous 24 heures à l’avance et la séance est reportée sans frais.' },
      { q: 'Les séances ont-elles lieu à distance ?', a: 'Oui, en visio ou par téléphone. Des rendez-vous en personne sont possibles sur demande.' },
    ],
  },
  thanks: {
    name: 'Confirmation',
    slug: 'merci',
    seoTitle: 'Merci, votre demande est bien enregistrée',
    seoDescription: 'Votre demande est enregistrée. Nous vous recontactons sous 48 heures ouvrées pour votre appel découverte.',
    eyebrow: 'Demande enregistrée',
    title: 'Merci, c’est noté !',
    lead: 'Nous parlerons de la formule qui vous intéresse lors de votre appel découverte, puis vous recevrez une proposition écrite détaillée.',
    stepsTitle: 'La suite',
    steps: [
      { title: 'Nous vous appelons', text: 'Sous 48 heures ouvrées, au numéro que vous nous avez indiqué, pour fixer le créneau.' },
      { title: 'Nous validons ensemble', text: 'Pendant l’appel, nous vérifions que la formule correspond à vos objectifs.' },
      { title: 'Vous recevez la proposition', text: 'Un récapitulatif écrit, le calendrier des séances et le lien de paiement.' },
    ],
    tip: 'Pour gagner du temps, gardez sous la main vos chiffres clés et les deux ou trois questions qui vous préoccupent le plus.',
  },
};

const EN: typeof FR = {
  name: 'Coaching or consulting (service)',
  description:
    'For coaches, consultants and agencies: booking a free discovery call (with phone number), your packages and their prices, then a confirmation page.',
  call: {
    name: 'Discovery call booking',
    slug: 'discovery-call',
    seoTitle: 'Free 30-minute discovery call',
    seoDescription: 'Book a free, no-obligation discovery call: 30 minutes to review your business, clarify your priorities and leave with 3 concrete actions.',
    topNote: 'Free call · 30 min',
    eyebrow: 'Free discovery call · 30 minutes',
    title: 'Let’s review your business, <span class="mk-mark">in 30 minutes</span>',
    lead: 'A one-to-one, no-obligation conversation to clarify your priorities, spot what is holding you back and leave with 3 concrete actions, whether or not we work together afterwards.',
    meta: [
      { icon: 'phone', text: 'By phone or video, as you prefer' },
      { icon: 'clock', text: '30 minutes, at a time that suits you' },
      { icon: 'gift', text: 'Free and no obligation' },
    ],
    formTitle: 'Book your call',
    formText: 'Leave your details: we will get back to you within two working days to set the time.',
    consent: 'I agree that Your Brand may contact me about my request and send me emails (tips and offers). I can unsubscribe at any time.',
    submit: 'Book my free call',
    howTitle: 'How the call works',
    how: [
      { title: 'You fill in the form', text: 'Two minutes is enough. Add your company name if you like.' },
      { title: 'We set the time', text: 'We get back to you within two working days to agree on a slot.' },
      { title: 'We review together', text: '30 minutes of honest conversation about your situation, goals and next steps.' },
    ],
    gainsTitle: 'What you get from the call',
    gains: [
      { icon: 'target', title: 'Clear priorities', text: 'What deserves your energy over the next three months, and what can wait.' },
      { icon: 'compass', title: 'An honest outside view', text: 'Frank feedback on your offer, your positioning and your organisation.' },
      { icon: 'checkCircle', title: '3 concrete actions', text: 'To put in place the following week, whether or not you work with us.' },
    ],
    statsComment: 'Sample figures: replace them with your own or delete this block.',
    stats: [
      { value: '12 years', label: 'of experience' },
      { value: '350+', label: 'clients supported' },
      { value: '4.9/5', label: 'average rating' },
      { value: '92%', label: 'recommend us' },
    ],
    bio: {
      title: 'Who you will talk to',
      name: 'Your Name',
      role: 'Strategy consultant for independent professionals and small teams.',
      paragraphs: [
        'After twelve years in companies and then on my own, I help owners of small businesses see clearly and decide faster. Every discovery call is led by me personally, never by a salesperson.',
      ],
    },
    testimonialsTitle: 'They started with a discovery call',
    testimonials: [
      {
        quote: '“In thirty minutes I understood why I had been going round in circles for a year. The coaching that followed changed everything.”',
        name: 'Isabel',
        role: 'Founder of a communications agency',
      },
      {
        quote: '“No sales pressure, just useful advice. I put the three actions in place before I even signed up.”',
        name: 'David',
        role: 'Interior architect',
      },
      {
        quote: '“A precise and kind outside view. I recommend it to every freelancer who feels alone with their decisions.”',
        name: 'Amelia',
        role: 'HR consultant',
      },
    ],
    faqTitle: 'Frequently asked questions',
    faq: [
      { q: 'Is the call really free?', a: 'Yes, completely, with no obligation. You leave with concrete ideas either way.' },
      {
        q: 'Will you try to sell me something?',
        a: 'No. If a programme could help you, we will simply say so and email you the details. You decide afterwards, in your own time.',
      },
      { q: 'What if I do not know what I need yet?', a: 'That is exactly what the call is for: we review together and identify what will help you most.' },
      { q: 'What do you do with my phone number?', a: 'We only use it to call you for this appointment. It is never shared or used for cold calls.' },
    ],
    cta: { title: 'Ready to see more clearly?', text: 'Book your discovery call: 30 minutes, free, no obligation.', button: 'Book my call' },
  },
  packages: {
    name: 'Coaching packages',
    slug: 'packages',
    seoTitle: 'Our coaching packages and prices',
    seoDescription:
      'A single session, 3 months of coaching or a 6-month partnership: discover our packages for independent professionals and small teams, with their prices.',
    notice: 'Your call request has been received: we will get back to you within two working days.',
    eyebrow: 'Our packages',
    title: 'Support that matches your ambitions',
    lead: 'A one-off outside view or a partner for several months: choose the package that suits you. We will talk it through on your call.',
    pricingComment: 'Sample prices: replace them with your own.',
    pricing: [
      {
        name: 'Breakthrough Session',
        description: 'To unlock a decision or a specific project.',
        price: '€190',
        period: '/ session',
        features: ['Preparation questionnaire', '90 minutes on video, recorded', 'Written action plan within 48 h', 'Two weeks of questions by email'],
        cta: 'Choose Breakthrough',
      },
      {
        name: 'Compass Programme',
        description: 'Three months to transform your business in depth.',
        price: '€1,200',
        period: '/ 3 months',
        note: 'Or 3 monthly payments of €400',
        features: [
          '6 one-to-one sessions of 60 minutes',
          'Quarterly roadmap',
          'Review of your pages and offers',
          'Direct messaging, reply within one working day',
        ],
        cta: 'Choose Compass',
        featured: true,
        badge: 'Most popular',
      },
      {
        name: 'Premium Partnership',
        description: 'Six months by your side for a growing business.',
        price: '€3,900',
        period: '/ 6 months',
        features: ['A 2-hour strategy session every month', 'A weekly 30-minute check-in', 'Setting up your funnels and automations', 'Priority scheduling'],
        cta: 'Choose Premium',
      },
    ],
    includedTitle: 'Included in every package',
    included: [
      { icon: 'lock', title: 'Full confidentiality', text: 'Everything you share stays between us, with a written commitment.' },
      { icon: 'users', title: 'One point of contact', text: 'The same person from the first call to the last session.' },
      { icon: 'file', title: 'Practical tools', text: 'Templates, grids and session notes to reuse after the programme.' },
    ],
    methodTitle: 'Our method',
    method: [
      { title: 'Diagnosis', text: 'We analyse your situation, figures and goals to start from the right priorities.' },
      { title: 'Action plan', text: 'A clear roadmap, broken into steps that fit your schedule.' },
      { title: 'Delivery and follow-up', text: 'We move forward together, adjust along the way and measure results.' },
    ],
    guarantee: {
      days: 14,
      daysLabel: 'DAYS',
      title: 'Happy with the first session, or your money back',
      text: 'If the first session does not give you what you expected, tell us within 14 days and we will refund you in full, no discussion.',
    },
    testimonialsTitle: 'What our clients say',
    testimonials: [
      {
        quote: '“The Compass Programme helped me refocus my offer and double my average order in a quarter.”',
        name: 'Nicholas',
        role: 'Head of a consulting firm',
      },
      {
        quote: '“Structured sessions, clear notes and real availability between appointments.”',
        name: 'Sarah',
        role: 'Founder of a cosmetics brand',
      },
    ],
    faqTitle: 'Frequently asked questions',
    faq: [
      {
        q: 'How do I choose the right package?',
        a: 'That is what the discovery call is for: we recommend the package that fits, or none if the timing is not right.',
      },
      { q: 'Can I pay in instalments?', a: 'Yes, the Compass Programme and the Premium Partnership can be paid monthly.' },
      { q: 'What if I need to cancel a session?', a: 'Let us know 24 hours ahead and the session is moved at no cost.' },
      { q: 'Are sessions held remotely?', a: 'Yes, by video or phone. In-person meetings are possible on request.' },
    ],
  },
  thanks: {
    name: 'Confirmation',
    slug: 'thank-you',
    seoTitle: 'Thank you, your request has been received',
    seoDescription: 'Your request has been received. We will get back to you within two working days for your discovery call.',
    eyebrow: 'Request received',
    title: 'Thank you, we have got it!',
    lead: 'We will talk about the package you are interested in on your discovery call, then send you a detailed written proposal.',
    stepsTitle: 'What happens next',
    steps: [
      { title: 'We call you', text: 'Within two working days, on the number you gave us, to set the time.' },
      { title: 'We confirm together', text: 'During the call, we check that the package matches your goals.' },
      { title: 'You receive the proposal', text: 'A written summary, the session schedule and the payment link.' },
    ],
    tip: 'To save time, keep your key figures and the two or three questions that worry you most close at hand.',
  },
};

function service(lang: TFunnelLanguage, c: typeof FR): TFunnelTemplateDefinition {
  const theme = THEMES.service;
  const { call: a, packages: p, thanks: t } = c;
  const form = optinForm(lang, {
    formId: 'appel',
    fields: ['first_name', 'email', 'phone', { name: 'company', optional: true }],
    consent: a.consent,
    submit: a.submit,
  });
  return {
    id: `service-${lang}`,
    name: c.name,
    description: c.description,
    funnel_type: 'service',
    language: lang,
    pages: [
      templatePage(lang, theme, {
        name: a.name,
        page_type: 'optin',
        slug: a.slug,
        seo_title: a.seoTitle,
        seo_description: a.seoDescription,
        body: [
          topbar(lang, { icon: 'phone', text: a.topNote }),
          `<section class="mk-hero"><div class="mk-container mk-hero-grid"><div>${eyebrow(a.eyebrow, 'phone')}<h1>${a.title}</h1><p class="mk-lead">${a.lead}</p>${meta(a.meta)}</div>${formCard({ id: 'formulaire', title: a.formTitle, text: a.formText, form })}</div></section>`,
          section(heading(a.howTitle) + steps(a.how, true), { variant: 'alt' }),
          section(heading(a.gainsTitle) + features(a.gains)),
          section(`<!-- ${a.statsComment} -->\n${stats(a.stats)}`, { variant: 'tint', tight: true }),
          section(bio(a.bio), { narrow: true }),
          section(heading(a.testimonialsTitle) + testimonials(lang, a.testimonials), { variant: 'alt' }),
          section(heading(a.faqTitle) + faq(a.faq)),
          section(ctaBox(`<h2>${a.cta.title}</h2><p>${a.cta.text}</p>${linkButton(a.cta.button, '#formulaire', { variant: 'light', xl: true })}`), {
            tight: true,
          }),
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
          topbar(lang),
          `<section class="mk-hero mk-hero--center"><div class="mk-container mk-narrow">${noteBox('checkCircle', p.notice)}<div class="mk-cta">${eyebrow(p.eyebrow)}<h1>${p.title}</h1><p class="mk-lead">${p.lead}</p></div></div></section>`,
          section(`<!-- ${p.pricingComment} -->\n${pricing(p.pricing)}`, { tight: true }),
          section(heading(p.includedTitle) + features(p.included), { variant: 'alt' }),
          section(heading(p.methodTitle) + steps(p.method, true)),
          section(guarantee(p.guarantee), { variant: 'alt' }),
          section(heading(p.testimonialsTitle) + testimonials(lang, p.testimonials)),
          section(heading(p.faqTitle) + faq(p.faq), { variant: 'alt' }),
          footer(lang, { terms: true }),
        ],
      }),
      templatePage(lang, theme, {
        name: t.name,
        page_type: 'thank_you',
        slug: t.slug,
        seo_title: t.seoTitle,
        seo_description: t.seoDescription,
        body: [
          topbar(lang),
          `<section class="mk-hero mk-hero--center"><div class="mk-container mk-narrow">${successMark()}${eyebrow(t.eyebrow)}<h1>${t.title}</h1><p class="mk-lead">${t.lead}</p></div></section>`,
          section(heading(t.stepsTitle) + steps(t.steps, true), { variant: 'alt' }),
          section(noteBox('phone', t.tip), { narrow: true, tight: true }),
          footer(lang),
        ],
      }),
    ],
  };
}

export const SERVICE_TEMPLATES: TFunnelTemplateDefinition[] = [service('fr', FR), service('en', EN)];
