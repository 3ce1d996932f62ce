import type { TFunnelLanguage } from '../../../contracts/funnels.js';
import {
  bio,
  bookMockup,
  checklist,
  ctaBox,
  eyebrow,
  faq,
  features,
  footer,
  formCard,
  heading,
  linkButton,
  noteBox,
  optinForm,
  section,
  steps,
  successMark,
  templatePage,
  testimonials,
  topbar,
} from './template-blocks.js';
import type { TFeature, TTestimonial } from './template-blocks.js';
import { THEMES } from './template-styles.js';
import type { TFunnelTemplateDefinition } from './template-types.js';

// Lead magnet: an opt-in page that offers a free guide for an email address, then a thank-you page with the download.

const FR = {
  name: 'Guide gratuit (aimant à prospects)',
  description:
    'Offrez un guide PDF en échange d’une adresse e-mail : une page d’inscription complète (promesse, contenu du guide, témoignages, FAQ) puis une page de remerciement avec le lien de téléchargement.',
  optin: {
    name: 'Inscription au guide',
    slug: 'guide-gratuit',
    seoTitle: 'Guide gratuit : 7 leviers pour attirer vos clients idéaux',
    seoDescription:
      'Téléchargez le guide gratuit (PDF, 24 pages) : les 7 leviers pour trouver des clients réguliers sans dépendre de la publicité, avec un plan d’action sur 30 jours.',
    topNote: 'Guide PDF offert',
    eyebrow: 'Guide gratuit · PDF de 24 pages',
    title: 'Trouvez vos prochains clients <span class="mk-mark">sans dépendre de la publicité</span>',
    lead: 'Les 7 leviers que les indépendants utilisent pour remplir leur agenda avec des clients qui leur ressemblent, expliqués pas à pas, avec des exemples concrets à adapter.',
    bullets: [
      'Comment présenter votre offre pour qu’elle se comprenne <strong>en une phrase</strong>',
      'Où se trouvent vos clients idéaux, et pourquoi ils ne vous voient pas encore',
      'Les 3 messages à publier cette semaine pour <strong>déclencher des demandes</strong>',
      'Un plan d’action sur 30 jours, prêt à imprimer',
    ],
    formTitle: 'Recevez le guide gratuitement',
    formText: 'Indiquez où l’envoyer : il arrive dans votre boîte de réception en moins d’une minute.',
    consent: 'J’accepte de recevoir les e-mails de Votre Marque : le guide, des conseils pratiques et des offres. Je peux me désinscrire à tout moment.',
    submit: 'Je reçois le guide',
    book: { kicker: 'Guide pratique', title: 'Les 7 leviers pour attirer vos clients idéaux', foot: 'Votre Marque' },
    inside: {
      eyebrow: 'À l’intérieur du guide',
      title: 'Votre méthode en 7 leviers, de l’offre au premier rendez-vous',
      items: [
        '<strong>Une offre claire</strong> : la formule qui résume ce que vous faites, pour qui, et le résultat obtenu.',
        '<strong>Un client idéal précis</strong> : les 5 questions qui évitent de parler à tout le monde.',
        '<strong>Deux canaux, pas dix</strong> : choisir où publier selon votre temps et votre style.',
        '<strong>Le contenu qui attire</strong> : 3 formats simples qui démontrent votre expertise.',
        '<strong>La conversation</strong> : passer d’un commentaire à un échange, sans forcer.',
        '<strong>Le rendez-vous</strong> : une invitation que l’on a envie d’accepter.',
        '<strong>Le suivi</strong> : la routine de 20 minutes par jour qui fait tout tenir.',
      ],
    },
    forWho: {
      title: 'Ce guide est fait pour vous si…',
      intro: 'Coachs, consultants, thérapeutes, formateurs : il a été pensé pour les métiers de l’accompagnement.',
      items: [
        {
          icon: 'compass',
          title: 'Vous lancez votre activité',
          text: 'Vous savez faire votre métier, mais pas encore comment le faire savoir. Le guide vous donne un ordre clair pour commencer.',
        },
        {
          icon: 'trending',
          title: 'Votre agenda fait les montagnes russes',
          text: 'Un mois plein, un mois vide. Vous apprendrez à créer un flux régulier de demandes plutôt que d’attendre le bouche-à-oreille.',
        },
        {
          icon: 'clock',
          title: 'Vous manquez de temps',
          text: 'Chaque levier tient en quelques actions précises. Pas besoin d’être partout ni de publier tous les jours.',
        },
      ] satisfies TFeature[],
    },
    testimonialsTitle: 'Ils ont appliqué le guide',
    testimonials: [
      {
        quote:
          '« J’ai appliqué le troisième levier dès la première semaine : deux demandes de rendez-vous en quelques jours, sans dépenser un euro en publicité. »',
        name: 'Camille',
        role: 'Coach en reconversion professionnelle',
      },
      {
        quote: '« Enfin un guide qui va droit au but. Le plan sur 30 jours m’a évité de m’éparpiller entre dix réseaux sociaux. »',
        name: 'Julien',
        role: 'Consultant pour les PME',
      },
      {
        quote: '« Je pensais devoir être partout. J’ai gardé deux canaux, je publie deux fois par semaine et mon agenda se remplit enfin. »',
        name: 'Nadia',
        role: 'Naturopathe',
      },
    ] satisfies TTestimonial[],
    bio: {
      title: 'Qui suis-je ?',
      name: 'Votre Nom',
      role: '10 ans d’accompagnement, plus de 400 indépendants aidés à lancer et développer leur activité.',
      paragraphs: [
        'J’ai longtemps cru qu’il suffisait d’être bon dans son métier pour que les clients arrivent. Ce guide rassemble ce que j’aurais aimé savoir à mes débuts : les leviers simples qui fonctionnent, et ceux qui font perdre du temps.',
      ],
    },
    faqTitle: 'Vos questions',
    faq: [
      { q: 'Le guide est-il vraiment gratuit ?', a: 'Oui. Vous le recevez par e-mail, sans carte bancaire ni engagement.' },
      {
        q: 'Sous quel format est-il ?',
        a: 'Un PDF de 24 pages, lisible sur ordinateur, tablette et téléphone, avec une fiche d’action à imprimer.',
      },
      {
        q: 'Que ferez-vous de mon adresse e-mail ?',
        a: 'Elle sert à vous envoyer le guide puis, si vous l’avez accepté, des conseils et nos offres. Chaque e-mail contient un lien de désinscription, et vos données ne sont jamais revendues.',
      },
      {
        q: 'Le guide convient-il à mon activité ?',
        a: 'Il a été écrit pour les métiers de l’accompagnement et du service : coaching, conseil, bien-être, formation, création. Les exemples se transposent facilement à votre domaine.',
      },
    ],
    cta: {
      title: 'Votre guide vous attend',
      text: '24 pages, 7 leviers, un plan sur 30 jours. Gratuit, et dans votre boîte en une minute.',
      button: 'Je reçois le guide',
    },
  },
  thanks: {
    name: 'Téléchargement du guide',
    slug: 'merci',
    seoTitle: 'Merci ! Votre guide est prêt à télécharger',
    seoDescription: 'Votre inscription est confirmée. Téléchargez votre guide gratuit et découvrez comment en tirer le meilleur dès aujourd’hui.',
    eyebrow: 'Inscription confirmée',
    title: 'Merci ! Votre guide est prêt',
    lead: 'Téléchargez-le dès maintenant. Nous vous l’avons aussi envoyé par e-mail pour que vous le gardiez sous la main.',
    download: 'Télécharger le guide (PDF)',
    downloadComment: 'Bouton de téléchargement : remplacez href="#" par l’adresse de votre PDF (depuis votre bibliothèque de fichiers).',
    downloadNote: 'PDF · 24 pages · lecture en 20 minutes',
    mailNote:
      'Vous ne trouvez pas notre e-mail ? Regardez dans les onglets « Promotions » ou « Courrier indésirable », puis ajoutez notre adresse à vos contacts pour recevoir la suite.',
    stepsTitle: 'Pour tirer le meilleur du guide',
    steps: [
      { title: 'Bloquez 30 minutes', text: 'Lisez-le en entier une première fois, stylo en main, sans chercher à tout appliquer.' },
      { title: 'Choisissez un seul levier', text: 'Celui qui vous semble le plus simple à mettre en place cette semaine. Un seul.' },
      { title: 'Suivez le plan sur 30 jours', text: 'Imprimez la fiche d’action et cochez chaque étape. La régularité fait la différence.' },
    ],
    nextTitle: 'Dans les prochains jours',
    nextIntro: 'Trois e-mails courts pour vous aider à passer à l’action, avec des exemples concrets.',
    next: [
      { icon: 'mail', title: 'Jour 1 : votre offre en une phrase', text: 'L’exercice qui clarifie votre message, avec cinq exemples réels commentés.' },
      { icon: 'chat', title: 'Jour 3 : vos premiers messages', text: 'Trois modèles de publications à adapter pour susciter des conversations.' },
      { icon: 'calendar', title: 'Jour 5 : du message au rendez-vous', text: 'Comment proposer un échange sans jamais paraître insistant.' },
    ] satisfies TFeature[],
  },
};

const EN: typeof FR = {
  name: 'Free guide (lead magnet)',
  description:
    'Offer a PDF guide in exchange for an email address: a complete opt-in page (promise, what is inside, testimonials, FAQ) followed by a thank-you page with the download link.',
  optin: {
    name: 'Guide sign-up',
    slug: 'free-guide',
    seoTitle: 'Free guide: 7 levers to attract your ideal clients',
    seoDescription: 'Download the free guide (PDF, 24 pages): 7 levers to win steady clients without relying on ads, with a 30-day action plan.',
    topNote: 'Free PDF guide',
    eyebrow: 'Free guide · 24-page PDF',
    title: 'Find your next clients <span class="mk-mark">without relying on ads</span>',
    lead: 'The 7 levers independent professionals use to fill their calendar with clients who are a great fit, explained step by step, with real examples you can adapt.',
    bullets: [
      'How to describe your offer so people get it <strong>in one sentence</strong>',
      'Where your ideal clients are, and why they have not noticed you yet',
      'The 3 messages to post this week to <strong>start getting enquiries</strong>',
      'A 30-day action plan, ready to print',
    ],
    formTitle: 'Get the guide for free',
    formText: 'Tell us where to send it: it lands in your inbox in under a minute.',
    consent: 'I agree to receive emails from Your Brand: the guide, practical tips and offers. I can unsubscribe at any time.',
    submit: 'Send me the guide',
    book: { kicker: 'Practical guide', title: 'The 7 levers to attract your ideal clients', foot: 'Your Brand' },
    inside: {
      eyebrow: 'Inside the guide',
      title: 'Your 7-lever method, from offer to first call',
      items: [
        '<strong>A clear offer</strong>: one line that says what you do, for whom, and the result.',
        '<strong>A precise ideal client</strong>: 5 questions that stop you talking to everyone.',
        '<strong>Two channels, not ten</strong>: pick where to show up based on your time and style.',
        '<strong>Content that attracts</strong>: 3 simple formats that prove your expertise.',
        '<strong>The conversation</strong>: turn a comment into a real exchange, without pushing.',
        '<strong>The call</strong>: an invitation people actually want to accept.',
        '<strong>The follow-up</strong>: the 20-minute daily routine that holds it all together.',
      ],
    },
    forWho: {
      title: 'This guide is for you if…',
      intro: 'Coaches, consultants, therapists, trainers: it was written for people who sell their expertise.',
      items: [
        {
          icon: 'compass',
          title: 'You are just getting started',
          text: 'You are great at what you do, but not yet at getting the word out. The guide gives you a clear order to begin.',
        },
        {
          icon: 'trending',
          title: 'Your calendar is a roller coaster',
          text: 'One month full, the next one empty. Learn to create a steady flow of enquiries instead of waiting for referrals.',
        },
        {
          icon: 'clock',
          title: 'You are short on time',
          text: 'Each lever comes down to a few precise actions. No need to be everywhere or to post every day.',
        },
      ],
    },
    testimonialsTitle: 'What readers say',
    testimonials: [
      {
        quote: '“I used the third lever in the very first week: two call requests within days, without spending a penny on ads.”',
        name: 'Camille',
        role: 'Career change coach',
      },
      {
        quote: '“Finally a guide that gets to the point. The 30-day plan stopped me from spreading myself across ten social networks.”',
        name: 'Julian',
        role: 'Consultant for small businesses',
      },
      {
        quote: '“I thought I had to be everywhere. I kept two channels, I post twice a week and my calendar is finally filling up.”',
        name: 'Nadia',
        role: 'Nutrition therapist',
      },
    ],
    bio: {
      title: 'About me',
      name: 'Your Name',
      role: '10 years of coaching, more than 400 independent professionals helped to launch and grow their business.',
      paragraphs: [
        'For years I believed that being good at my job was enough for clients to show up. This guide gathers what I wish I had known at the start: the simple levers that work, and the ones that waste your time.',
      ],
    },
    faqTitle: 'Your questions',
    faq: [
      { q: 'Is the guide really free?', a: 'Yes. It is sent by email, with no credit card and no commitment.' },
      { q: 'What format is it?', a: 'A 24-page PDF you can read on a computer, tablet or phone, with a printable action sheet.' },
      {
        q: 'What will you do with my email address?',
        a: 'We use it to send you the guide and, if you agreed, tips and offers. Every email has an unsubscribe link, and your data is never sold.',
      },
      {
        q: 'Will the guide work for my business?',
        a: 'It was written for service and coaching businesses: coaching, consulting, wellness, training, creative work. The examples adapt easily to your field.',
      },
    ],
    cta: { title: 'Your guide is waiting', text: '24 pages, 7 levers, a 30-day plan. Free, and in your inbox within a minute.', button: 'Send me the guide' },
  },
  thanks: {
    name: 'Guide download',
    slug: 'thank-you',
    seoTitle: 'Thank you! Your guide is ready to download',
    seoDescription: 'You are signed up. Download your free guide and see how to get the most out of it today.',
    eyebrow: 'You are signed up',
    title: 'Thank you! Your guide is ready',
    lead: 'Download it right now. We have also emailed it to you so you can keep it close at hand.',
    download: 'Download the guide (PDF)',
    downloadComment: 'Download button: replace href="#" with the address of your PDF (from your file library).',
    downloadNote: 'PDF · 24 pages · a 20-minute read',
    mailNote: 'Cannot find our email? Check your Promotions or Spam folder, then add our address to your contacts so you receive what comes next.',
    stepsTitle: 'How to get the most out of the guide',
    steps: [
      { title: 'Block 30 minutes', text: 'Read it once from start to finish, pen in hand, without trying to apply everything.' },
      { title: 'Pick a single lever', text: 'The one that feels easiest to put in place this week. Just one.' },
      { title: 'Follow the 30-day plan', text: 'Print the action sheet and tick off each step. Consistency makes the difference.' },
    ],
    nextTitle: 'Over the next few days',
    nextIntro: 'Three short emails to help you take action, with concrete examples.',
    next: [
      { icon: 'mail', title: 'Day 1: your offer in one sentence', text: 'The exercise that sharpens your message, with five real examples explained.' },
      { icon: 'chat', title: 'Day 3: your first messages', text: 'Three post templates to adapt so people start conversations with you.' },
      { icon: 'calendar', title: 'Day 5: from message to call', text: 'How to suggest a call without ever sounding pushy.' },
    ],
  },
};

function leadMagnet(lang: TFunnelLanguage, c: typeof FR): TFunnelTemplateDefinition {
  const theme = THEMES.lead_magnet;
  const o = c.optin;
  const t = c.thanks;
  const form = optinForm(lang, { formId: 'guide', fields: ['first_name', 'email'], consent: o.consent, submit: o.submit });
  return {
    id: `lead-magnet-${lang}`,
    name: c.name,
    description: c.description,
    funnel_type: 'lead_magnet',
    language: lang,
    pages: [
      templatePage(lang, theme, {
        name: o.name,
        page_type: 'optin',
        slug: o.slug,
        seo_title: o.seoTitle,
        seo_description: o.seoDescription,
        body: [
          topbar(lang, { icon: 'download', text: o.topNote }),
          `<section class="mk-hero"><div class="mk-container mk-hero-grid"><div>${eyebrow(o.eyebrow, 'book')}<h1>${o.title}</h1><p class="mk-lead">${o.lead}</p>${checklist(o.bullets)}</div>${formCard({ id: 'formulaire', title: o.formTitle, text: o.formText, form })}</div></section>`,
          section(
            `<div class="mk-split">${bookMockup(o.book)}<div>${eyebrow(o.inside.eyebrow)}<h2>${o.inside.title}</h2>${checklist(o.inside.items)}</div></div>`,
            {
              variant: 'alt',
            },
          ),
          section(heading(o.forWho.title, o.forWho.intro) + features(o.forWho.items)),
          section(heading(o.testimonialsTitle) + testimonials(lang, o.testimonials), { variant: 'alt' }),
          section(bio(o.bio), { narrow: true }),
          section(heading(o.faqTitle) + faq(o.faq), { variant: 'alt' }),
          section(ctaBox(`<h2>${o.cta.title}</h2><p>${o.cta.text}</p>${linkButton(o.cta.button, '#formulaire', { variant: 'light', xl: true })}`), {
            tight: true,
          }),
          footer(lang),
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
          `<section class="mk-hero mk-hero--center"><div class="mk-container mk-narrow">${successMark()}${eyebrow(t.eyebrow)}<h1>${t.title}</h1><p class="mk-lead">${t.lead}</p><!-- ${t.downloadComment} -->${linkButton(t.download, '#', { icon: 'download', xl: true })}<p class="mk-btn-note">${t.downloadNote}</p><div class="mk-cta">${noteBox('mail', t.mailNote)}</div></div></section>`,
          section(heading(t.stepsTitle) + steps(t.steps, true), { variant: 'alt' }),
          section(heading(t.nextTitle, t.nextIntro) + features(t.next)),
          footer(lang),
        ],
      }),
    ],
  };
}

export const LEAD_MAGNET_TEMPLATES: TFunnelTemplateDefinition[] = [leadMagnet('fr', FR), leadMagnet('en', EN)];
