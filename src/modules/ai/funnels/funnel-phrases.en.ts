import type { TFunnelPageRole } from '../../../contracts/ai.js';
import type { TFunnelType } from '../../../contracts/funnels.js';
import { capitalize as C } from '../builtin-kit/text-case.js';
import { EN_OFFER_ROLES } from './funnel-offer-phrases.en.js';
import { ifFree, ifPaid, type TFunnelPhrasebook, type TNoun, type TRolePhrases } from './phrase-kit.js';

// The English phrasings of the pages before the sale and after it (see funnel-phrases.fr.ts for the frameworks and
// the rules): PAS for the pages that ask for an address, reassurance for the pages that follow an action.

const noun = (bare: string): TNoun => ({
  bare,
  fem: false,
  the: `the ${bare}`,
  a: `${/^[aeiou]/.test(bare) ? 'an' : 'a'} ${bare}`,
  of: `of the ${bare}`,
  to: `to the ${bare}`,
  this: `this ${bare}`,
  your: `your ${bare}`,
});

const ENTRY: Record<TFunnelType, TNoun> = {
  webinar: noun('masterclass'),
  product: noun('video'),
  service: noun('discovery call'),
  lead_magnet: noun('guide'),
  membership: noun('club'),
};
const OFFER: Record<TFunnelType, TNoun> = {
  webinar: noun('programme'),
  product: noun('course'),
  service: noun('coaching'),
  lead_magnet: noun('full programme'),
  membership: noun('club'),
};

const registration: TRolePhrases = {
  name: [(v) => `${C(v.entry.bare)} registration`, (v) => `Registration: ${v.topic}`],
  seo_title: [
    (v) => `${C(v.topic)}: free ${v.entry.bare}`,
    (v) => `Free ${v.entry.bare}: ${v.topic}`,
    (v) => `Free registration to ${v.entry.the}`,
    (v) => `The free ${v.entry.bare} by ${v.brand}`,
    (v) => `Registration: ${C(v.topic)}`,
    () => 'Save your seat online',
    (v) => `The ${v.entry.bare} by ${v.brand}`,
  ],
  seo_description: [
    (v) => `Register for free to ${v.entry.the} ${v.topicQ}: a clear method and practical steps, for ${v.audience}.`,
    (v) => `A free ${v.entry.bare} on ${v.topicQ}, with a step-by-step method and your questions answered live.`,
    (v) => `Register for free to ${v.entry.the} and leave with a clear method and practical steps you can apply the next day.`,
    (v) => `Register for ${v.entry.the} and leave with a clear action plan you can apply the next day.`,
  ],
  eyebrow: {
    base: [(v) => `Free online ${v.entry.bare}`, () => 'Free registration', () => 'Online and free', () => 'Online, live'],
    tones: { enthusiastic: [(v) => `Free live ${v.entry.bare}!`], playful: [() => 'Free, online, jargon-free'] },
  },
  headline: [
    (v) => `${C(v.topic)}: the clear method to finally move forward, step by step`,
    (v) => `${C(v.entry.the)} ${v.topicQ}: from intention to action`,
    (v) => `Join ${v.entry.the} ${v.topicQ} and leave with an action plan`,
    () => 'Finally move from intention to action, with a clear method',
    () => 'The clear method you were missing to move forward calmly',
    () => 'Finally move from intention to action, step by step',
  ],
  promise: [
    (v) =>
      `Want to make progress with ${v.topicQ} but not sure where to start? In ${v.entry.this}, ${v.brand} shows you a simple, step-by-step method designed for ${v.audience}.`,
    (v) => `In ${v.entry.this}, discover a simple, practical method to make progress with ${v.topicQ}, without scattering your efforts.`,
    () => 'Too much information, not enough clarity? In one session, discover a simple, practical method to take action without scattering your efforts.',
    (v) => `In ${v.entry.this}, discover how to make progress with ${v.topicQ}, step by step, without scattering your efforts.`,
    () => 'Too much information, not enough clarity? In one session, discover how to take action, step by step, without scattering your efforts.',
  ],
  bullets: [
    (v) => `The most common mistakes with ${v.topicQ}, and how to avoid them`,
    () => 'A method in simple steps, to apply the very next day',
    () => 'The priorities to set so you stop spreading yourself thin',
    () => 'Practical examples, explained step by step',
    () => 'A clear action plan for the weeks ahead',
    () => 'Answers to your questions, live',
  ],
  sections: [
    {
      title: [() => 'Sound familiar?', () => 'What is holding you back today'],
      text: [
        (v) =>
          `${C(v.topicQ)} matters to you, but between conflicting advice and lack of time, it is hard to know where to start. So you put it off, and nothing changes.`,
        () => 'Advice conflicts, time runs short, and it is hard to know where to start. So it gets put off, and nothing really changes.',
      ],
    },
    {
      title: [() => 'What waiting costs you', () => 'Why wait any longer'],
      text: [
        () => 'Every month spent hesitating is energy spent without visible results. And the longer you wait, the harder the first step feels.',
        () =>
          'Without a method, you wear yourself out trying everything at once. With a clear direction, every hour you invest really moves you closer to your goal.',
      ],
    },
    {
      title: [(v) => `What ${v.entry.this} offers you`, () => 'The solution: a clear method'],
      text: [
        (v) =>
          `${C(v.entry.the)} ${v.topicQ} gives you a simple, step-by-step method designed for ${v.audience}. You leave with a practical action plan you can apply the next day.`,
        (v) =>
          `${C(v.entry.this)} gives you a simple, step-by-step method and a practical action plan you can apply the next day. Your questions are answered live.`,
        (v) =>
          `${C(v.entry.this)} gives you the key steps, in the right order, and a practical action plan you can apply the next day. Your questions are answered live.`,
      ],
    },
    {
      title: [(v) => `Who is ${v.entry.this} for?`, () => 'Who is it for?'],
      text: [
        (v) => `${C(v.entry.this)} is designed for ${v.audience}. No prerequisites: we start from the basics and move to the practical.`,
        () => 'For anyone who wants to move forward with a method, without jargon. No prerequisites: we start from the basics and move to the practical.',
      ],
    },
  ],
  faq: [
    {
      question: [(v) => `Is ${v.entry.this} really free?`],
      answer: [() => 'Yes, registration is completely free. At the end, an offer to go further is presented, with no obligation.'],
    },
    {
      question: [() => 'Do I need to attend live?'],
      answer: [() => 'It is better if you want to ask questions, but a replay is planned for registrants, for a limited time.'],
    },
    { question: [() => 'Do I need to install any software?'], answer: [() => 'No. Everything happens in your browser, on a computer, tablet or phone.'] },
    {
      question: [() => 'I am just starting out: is it for me?'],
      answer: [
        (v) => `Yes. ${C(v.entry.the)} starts from the basics and moves step by step; if you already have experience, it will help you structure your efforts.`,
      ],
    },
  ],
  cta_label: {
    base: [() => 'Save my free seat', () => 'Register for free', () => 'Save my seat'],
    tones: { enthusiastic: [() => 'Yes, save my seat!'], direct: [() => 'Register'] },
  },
  cta_note: [
    () => 'Free registration, no commitment. Your details stay private.',
    () => 'Free and no commitment: your access link arrives by email.',
    () => 'No commitment: your access link arrives by email. Your details stay private.',
  ],
  guarantee: [
    () => 'No commitment: registration is free and you can unsubscribe from our emails in one click, at any time.',
    () => 'Zero risk: it is free, your details stay private, and one click is enough to stop our emails.',
    () => 'No commitment: your details stay private and you can unsubscribe from our emails in one click, at any time.',
  ],
};

const optin: TRolePhrases = {
  name: [(v) => `Free ${v.entry.bare}`, (v) => `${C(v.entry.bare)}: ${v.topic}`, (v) => `The ${v.entry.bare} by ${v.brand}`],
  seo_title: [
    (v) => `Free ${v.entry.bare}: ${v.topic}`,
    (v) => `${C(v.topic)}: the free ${v.entry.bare}`,
    (v) => `Get the free ${v.entry.bare} by ${v.brand}`,
    (v) => `Get the free ${v.entry.bare}`,
    (v) => `${C(v.topic)}: get ${v.entry.the}`,
    (v) => `Get ${v.entry.the} by ${v.brand}`,
    (v) => `Get ${v.entry.your} by email`,
  ],
  seo_description: [
    (v) => `Get the free ${v.entry.bare} ${v.topicQ}: practical advice for ${v.audience}, to apply right away.`,
    (v) => `${C(v.entry.the)} ${v.topicQ}, free: clear steps and practical advice, sent straight to your inbox.`,
    (v) => `Get the free ${v.entry.bare}: clear steps and practical advice, sent straight to your inbox.`,
    (v) => `Get ${v.entry.the} ${v.topicQ}: practical advice for ${v.audience}, to apply right away.`,
    (v) => `Get ${v.entry.the}: clear steps and practical advice, sent straight to your inbox.`,
  ],
  eyebrow: {
    base: [(v) => `Free ${v.entry.bare}`, () => 'Free resource', (v) => `Practical ${v.entry.bare}`, () => 'Sent straight to your inbox'],
    tones: { enthusiastic: [(v) => `Your free ${v.entry.bare}!`] },
  },
  headline: [
    (v) => `${C(v.topic)}: the key steps, gathered in a free ${v.entry.bare}`,
    (v) => `Get ${v.entry.the} ${v.topicQ} and finally take action`,
    (v) => `The key steps to move forward, gathered in a free ${v.entry.bare}`,
    () => 'Stop searching everywhere: the essentials are right here, for free',
    () => 'Stop searching everywhere: the essentials are right here',
    (v) => `The key steps to move forward, gathered in a practical ${v.entry.bare}`,
  ],
  promise: [
    (v) =>
      `Looking for clear answers on ${v.topicQ}? ${C(v.entry.this)} gathers the essentials, without jargon, for ${v.audience}. Enter your email address and it is on its way.`,
    (v) => `Scattered information, not enough clarity? ${C(v.entry.this)} gathers the essentials, step by step. Enter your email address and it is on its way.`,
  ],
  bullets: [
    (v) => `What you need to know about ${v.topicQ}, without jargon`,
    () => 'The key steps, in the right order',
    () => 'The common mistakes to avoid from the start',
    () => 'Practical advice you can apply right away',
    () => 'A simple action list to put it into practice',
  ],
  sections: [
    {
      title: [() => 'Sound familiar?', () => 'The problem'],
      text: [
        (v) => `Advice on ${v.topicQ} is plentiful and contradictory. You read, you save, you set it aside… and you still do not know where to start.`,
        () => 'Advice is plentiful and contradictory. You read, you save, you set it aside… and you still do not know where to start.',
      ],
    },
    {
      title: [() => 'Why it is frustrating', () => 'What it costs you'],
      text: [() => 'Every week without a clear direction means scattered time and energy. And the longer you wait, the heavier the first step feels.'],
    },
    {
      title: [(v) => `What ${v.entry.this} contains`, () => 'The solution'],
      text: [
        (v) => `${C(v.entry.this)} gets straight to the point: the key steps, the mistakes to avoid and an action list, designed for ${v.audience}.`,
        (v) => `${C(v.entry.this)} gets straight to the point: the key steps, the mistakes to avoid and a simple action list to put it into practice.`,
      ],
    },
  ],
  faq: [
    {
      question: [(v) => `Is ${v.entry.this} really free?`],
      answer: [() => 'Yes. Just enter your email address to receive it. You can unsubscribe in one click at any time.'],
    },
    {
      question: [(v) => `How will I receive ${v.entry.the}?`],
      answer: [() => 'By email, a few moments after you sign up. Remember to check your spam folder.'],
    },
    {
      question: [() => 'Is it suitable for beginners?'],
      answer: [() => 'Yes: everything starts from the basics, with simple steps. If you already have experience, it will help you structure your efforts.'],
    },
    {
      question: [() => 'What do you do with my email address?'],
      answer: [
        (v) => `It is only used to send you ${v.entry.the} and advice from ${v.brand}. It is never sold.`,
        () => 'It is only used to send you our content. It is never sold.',
      ],
    },
  ],
  cta_label: {
    base: [(v) => `Send me the ${v.entry.bare}`, (v) => `Get the free ${v.entry.bare}`],
    tones: { enthusiastic: [(v) => `Yes, I want the ${v.entry.bare}!`] },
  },
  cta_note: [() => 'Free, sent right away by email. Unsubscribe in one click.', () => 'No spam: your details stay private.'],
  guarantee: [
    () => 'No commitment: it is free, your details stay private and you can unsubscribe in one click at any time.',
    () => 'No commitment: your details stay private and you can unsubscribe in one click at any time.',
  ],
};

const serviceOptin: TRolePhrases = {
  name: [() => 'Free discovery call', (v) => `Discovery call: ${v.topic}`, () => 'Discovery call request'],
  seo_title: [
    (v) => `Free discovery call: ${v.topic}`,
    (v) => `${C(v.topic)}: book your discovery call`,
    () => 'Book your free discovery call',
    () => 'Book your discovery call',
  ],
  seo_description: [
    (v) => `A free, no-commitment conversation to review your situation around ${v.topicQ} and leave with clear next steps.`,
    () => 'A free, no-commitment conversation to review your situation and leave with clear next steps.',
    (v) => `A first, no-commitment conversation to review your situation around ${v.topicQ} and leave with clear next steps.`,
    () => 'A first, no-commitment conversation to review your situation and leave with clear next steps.',
  ],
  eyebrow: [() => 'Free discovery call', () => 'A first conversation, no commitment'],
  headline: [
    (v) => `${C(v.topic)}: let us review it together, for free`,
    (v) => `Let us talk about your project around ${v.topicQ}`,
    () => 'Let us review your situation together, with no commitment',
  ],
  promise: [
    (v) =>
      `Working on your own and would like an outside view? ${C(v.brand)} offers a free first conversation to understand your situation and give you practical next steps, for ${v.audience}.`,
    () => 'Working on your own and would like an outside view? A free first conversation to understand your situation and leave with practical next steps.',
    (v) =>
      `Working on your own and would like an outside view? ${C(v.brand)} offers a first conversation, with no commitment, to understand your situation and give you practical next steps, for ${v.audience}.`,
    () =>
      'Working on your own and would like an outside view? A first conversation, with no commitment, to understand your situation and leave with practical next steps.',
  ],
  bullets: [
    () => 'A personal conversation, focused on your situation',
    () => 'An outside view on what is holding you back today',
    () => 'Practical next steps, even if we do not work together',
    () => 'No obligation after the call',
    (v) => `Clear answers to your questions about ${v.topicQ}`,
  ],
  sections: [
    {
      title: [() => 'Sound familiar?', () => 'Where you are'],
      text: [() => 'You know where you want to go, but on your own it is hard to step back and choose the right priorities.'],
    },
    {
      title: [() => 'What it costs you', () => 'Why talk about it now'],
      text: [() => 'Carrying everything alone, you go round in circles, doubt yourself, and weeks pass without things really moving.'],
    },
    {
      title: [() => 'How the call works', () => 'What to expect'],
      text: [
        (v) =>
          `We review your situation and goals, then see together whether ${v.offer.the} from ${v.brand} can help. If not, you still leave with practical next steps.`,
        (v) => `We review your situation and goals, then see together whether ${v.offer.the} can help. If not, you still leave with practical next steps.`,
      ],
    },
  ],
  faq: [
    { question: [() => 'Is the call really free?'], answer: [() => 'Yes, it is free and without commitment: a first conversation to get to know each other.'] },
    {
      question: [() => 'What happens next?'],
      answer: [() => 'After your request, a few questions help you describe your situation, then we get back to you to set a time.'],
    },
    {
      question: [() => 'What if it is not for me?'],
      answer: [() => 'No problem: we will tell you honestly, and you will still leave with useful next steps.'],
    },
    {
      question: [() => 'How should I prepare for the call?'],
      answer: [() => 'Simply note your goals and what is holding you back today: we will start from there so the conversation is useful to you.'],
    },
  ],
  cta_label: [() => 'Request my free call', () => 'Book my conversation', () => 'Request a call'],
  cta_note: [() => 'Free and no commitment. Your details stay private.', () => 'No commitment. Your details stay private.'],
  guarantee: [
    () => 'No commitment: the call is free, and you decide afterwards, freely, what comes next.',
    () => 'No commitment: the call is a chance to get to know each other, and you decide afterwards, freely, what comes next.',
  ],
};

const application: TRolePhrases = {
  name: [() => 'Your application', (v) => `Application: ${v.topic}`],
  seo_title: [(v) => `Apply for ${v.offer.the}`, (v) => `${C(v.topic)}: your application`, () => 'Complete your application'],
  seo_description: [() => 'A few details to prepare your discovery call and check that we can really help you.'],
  eyebrow: [() => 'Last step', () => 'Your application'],
  headline: [
    () => 'Tell us a little about yourself to prepare your call',
    (v) => `Apply for ${v.offer.the}: one more step`,
    () => 'One more step: a few details so we can help you well',
  ],
  promise: [() => 'These few details let us prepare the conversation and check that we can really help you. It takes less than two minutes.'],
  bullets: [
    () => 'A call prepared around your real situation',
    () => 'A more useful conversation from the very first minutes',
    () => 'An honest answer about what we can do for you',
    () => 'Your details stay strictly confidential',
  ],
  sections: [
    {
      title: [() => 'Why these questions?', () => 'What these details are for'],
      text: [() => 'To skip the generalities: knowing your context, we spend the call on what matters to you.'],
    },
    {
      title: [() => 'What happens next', () => 'Next steps'],
      text: [() => 'We read every application carefully, then get back to you to agree on a time that suits you.'],
    },
  ],
  faq: [
    { question: [() => 'How long does it take?'], answer: [() => 'Less than two minutes: only a few details are needed.'] },
    {
      question: [() => 'Am I committing to anything by applying?'],
      answer: [() => 'No. The application prepares the conversation; what happens next is up to you.'],
    },
    {
      question: [() => 'Who reads my answers?'],
      answer: [(v) => `Only the ${v.brand} team. Your details are never shared.`, () => 'Only our team. Your details are never shared.'],
    },
  ],
  cta_label: [() => 'Send my application', () => 'Submit my application'],
  cta_note: [() => 'No commitment. We reply soon by email or phone.', () => 'Your details stay private.'],
  guarantee: [() => 'No commitment: sending your application does not bind you to anything, and your details stay strictly confidential.'],
};

const confirmation: TRolePhrases = {
  name: [() => 'Registration confirmed', () => 'Confirmation'],
  seo_title: [(v) => `Your seat is saved: ${v.topic}`, () => 'Your registration is confirmed'],
  seo_description: [
    (v) => `Your registration to ${v.entry.the} ${v.topicQ} is confirmed. Add the date to your calendar and prepare your questions.`,
    () => 'Your registration is confirmed. Add the date to your calendar and prepare your questions.',
  ],
  eyebrow: [() => 'Registration confirmed', () => 'It is confirmed'],
  headline: {
    base: [
      (v) => `Thank you! Your registration to ${v.entry.the} ${v.topicQ} is confirmed`,
      () => 'It is confirmed: your seat is saved',
      () => 'Welcome: your seat is saved',
    ],
    tones: { enthusiastic: [() => 'It is confirmed: your seat is saved!'] },
  },
  promise: [
    () => 'You will receive an email with the date of your session and your personal access link. Remember to check your spam folder.',
    () => 'A confirmation email is on its way, with the date of your session and your personal access link. Keep it safe.',
  ],
  bullets: [
    () => 'Add the date to your calendar right away',
    () => 'Write down the question you would like to ask',
    () => 'Plan a quiet place and something to take notes',
    () => 'Join a few minutes before the start',
    () => 'Add our address to your contacts to receive the reminders',
  ],
  sections: [
    {
      title: [() => 'What now?', () => 'Next steps'],
      text: [
        (v) => `An email from ${v.brand} is waiting for you with your access link. Keep it: it opens the room on the day.`,
        () => 'An email is waiting for you with your access link. Keep it: it opens the room on the day.',
      ],
    },
    {
      title: [() => 'Get ready', () => 'Make the most of it'],
      text: [
        (v) => `To make the most of ${v.entry.the} ${v.topicQ}, think of the question that blocks you most today: it is the best starting point.`,
        () => 'Think now of the question that blocks you most today: it is the best starting point for the session.',
      ],
    },
  ],
  faq: [
    {
      question: [() => 'I did not receive the email: what should I do?'],
      answer: [() => 'Check your spam and promotions folders. If it has not arrived after a few minutes, reply to one of our emails or register again.'],
    },
    { question: [() => 'Will there be a replay?'], answer: [() => 'Yes, a replay is planned for registrants, for a limited time.'] },
    { question: [() => 'Can I invite someone?'], answer: [() => 'Of course: share the registration page so they receive their own access link.'] },
  ],
  cta_label: [(v) => `Go to ${v.entry.the}`, () => 'Go to the room'],
  cta_note: [() => 'The page shows a countdown until the session starts.'],
  guarantee: [() => 'Your details stay private and you can unsubscribe from our emails in one click, at any time.'],
};

const replay: TRolePhrases = {
  name: [(v) => `${C(v.entry.bare)} replay`, (v) => `Replay: ${v.topic}`],
  seo_title: [(v) => `Replay: ${v.topic}`, (v) => `The ${v.entry.bare} replay`],
  seo_description: [
    (v) => `Watch ${v.entry.the} ${v.topicQ} again at your own pace, then discover ${v.offer.the} to go further.`,
    (v) => `Watch ${v.entry.the} again at your own pace, then discover ${v.offer.the} to go further.`,
  ],
  eyebrow: [() => 'Replay available', (v) => `${C(v.entry.bare)} replay`],
  headline: [
    (v) => `Watch ${v.entry.the} ${v.topicQ} again while it is online`,
    (v) => `Watch ${v.entry.the} again at your own pace, while it is online`,
    () => 'The replay is here: grab something to take notes',
  ],
  promise: [
    () =>
      'Missed the live session, or want to see a part again? The replay is available for a limited time: grab something to take notes and watch it while it is online.',
  ],
  bullets: [
    () => 'The complete method, explained step by step',
    () => 'The practical examples shown during the session',
    () => 'The answers to participants’ questions',
    () => 'The action plan to apply this week',
    (v) => `How to go further with ${v.offer.the}`,
  ],
  sections: [
    {
      title: [() => 'What you will watch again', () => 'Inside the replay'],
      text: [
        (v) => `The whole session on ${v.topicQ}: the method, the examples and the answers to questions. Ideal to go over your notes and take action.`,
        () => 'The whole session: the method, the examples and the answers to questions. Ideal to go over your notes and take action.',
        () => 'The whole session: the key steps, the examples and the answers to questions. Ideal to go over your notes and take action.',
      ],
    },
    {
      title: [() => 'To go further', () => 'What comes next?'],
      text: [
        (v) => `If you would like support to apply the method, ${v.offer.the} guides you step by step. All the details are on the next page.`,
        (v) => `If you would like support to take action, ${v.offer.the} guides you step by step. All the details are on the next page.`,
      ],
    },
  ],
  faq: [
    {
      question: [() => 'How long is the replay available?'],
      answer: [() => 'For a limited time: the end date is shown on this page. After that, it can no longer be watched.'],
    },
    { question: [() => 'Can I watch it on my phone?'], answer: [() => 'Yes, the replay plays in your browser, on a computer, tablet or phone.'] },
    {
      question: [(v) => `How do I join ${v.offer.the}?`],
      answer: [(v) => `Click the button under the video: you will see the details of ${v.offer.the} and can sign up.`],
    },
  ],
  cta_label: [(v) => `Discover ${v.offer.the}`, () => 'I want to go further'],
  cta_note: [(v) => `All the details of ${v.offer.the} are on the next page.`],
  guarantee: [() => 'No obligation: watch the replay at your own pace, then decide whether you want to go further.'],
};

const thankYou: TRolePhrases = {
  name: [(v) => ifPaid(v, 'Thank you for your order'), (v) => ifFree(v, 'Thank you for signing up'), () => 'Welcome'],
  seo_title: [(v) => `Welcome to ${v.offer.the}: ${v.topic}`, (v) => `Welcome to ${v.offer.the}`],
  seo_description: [
    (v) => ifPaid(v, `Your order is confirmed. Here is how to access ${v.offer.the} and get started today.`),
    (v) => ifFree(v, `Your registration is confirmed. Here is how to access ${v.offer.the} and get started today.`),
  ],
  eyebrow: [(v) => ifPaid(v, 'Order confirmed'), (v) => ifFree(v, 'Registration confirmed'), () => 'Welcome'],
  headline: {
    base: [(v) => `Welcome to ${v.offer.the} ${v.topicQ}`, (v) => `Thank you for your trust, and welcome to ${v.offer.the}`, () => 'Thank you for your trust'],
    tones: { enthusiastic: [(v) => `Welcome to ${v.offer.the}!`] },
  },
  promise: [
    (v) => ifPaid(v, 'Your order is confirmed. You will receive an email with your receipt and your access details.'),
    (v) => ifFree(v, 'Your registration is confirmed. You will receive an email with your access details.'),
  ],
  bullets: [
    () => 'Open the welcome email and keep it safe',
    () => 'Add our address to your contacts',
    () => 'Block a first slot in your calendar to get started',
    () => 'Write down your goals to measure your progress',
  ],
  sections: [
    {
      title: [() => 'What now?', () => 'Getting started'],
      text: [(v) => `Everything is ready for you. Start with the welcome email: it holds your access details and the first steps of ${v.offer.the}.`],
    },
    {
      title: [() => 'A question?', () => 'Need help?'],
      text: [
        (v) => `Simply reply to the welcome email: the ${v.brand} team reads every message and gets back to you quickly.`,
        () => 'Simply reply to the welcome email: we read every message and get back to you quickly.',
      ],
    },
  ],
  faq: [
    {
      question: [() => 'I did not receive the email: what should I do?'],
      answer: [() => 'Check your spam and promotions folders. Still nothing after a few minutes? Write to us and we will resend your access details.'],
    },
    { question: [(v) => ifPaid(v, 'Where can I find my receipt?')], answer: [() => 'Your receipt is sent by email with the order confirmation.'] },
    { question: [() => 'Where do I start?'], answer: [() => 'With the welcome email: it shows you the first step, to take today.'] },
    { question: [() => 'Who do I contact with a question?'], answer: [() => 'Reply to the welcome email: a member of the team will get back to you quickly.'] },
  ],
  cta_label: [() => 'Get started', () => 'See what comes next'],
  cta_note: [() => 'Your access details are also sent by email.'],
  guarantee: [
    (v) => `You are not alone: the ${v.brand} team is available by email to answer your questions.`,
    () => 'You are not alone: we are available by email to answer your questions.',
  ],
};

const leadThankYou: TRolePhrases = {
  ...thankYou,
  name: [() => 'Thank you, it is on its way', (v) => `Thank you: ${v.entry.the} is on its way`],
  seo_title: [(v) => `${C(v.entry.the)} is on its way: ${v.topic}`, (v) => `Thank you: ${v.entry.the} is on its way`],
  seo_description: [(v) => `${C(v.entry.the)} is arriving in your inbox. Meanwhile, discover how to go further with ${v.offer.the}.`],
  eyebrow: [() => 'It is on its way', () => 'Thank you for signing up'],
  headline: [(v) => `Thank you! ${C(v.entry.the)} ${v.topicQ} is on its way`, (v) => `Thank you! ${C(v.entry.the)} is arriving in your inbox`],
  promise: [(v) => `Check your inbox in a few moments: ${v.entry.the} is waiting for you there. Meanwhile, discover how to go further with ${v.offer.the}.`],
  bullets: [
    () => 'Open the email that was just sent to you',
    () => 'Add our address to your contacts so you miss nothing',
    () => 'Read the key steps and pick one to apply this week',
    (v) => `Discover ${v.offer.the} to go further`,
  ],
  cta_label: [(v) => `Discover ${v.offer.the}`, () => 'I want to go further'],
  cta_note: [(v) => `${C(v.entry.the)} is sent to you by email in any case.`],
};

const serviceThankYou: TRolePhrases = {
  ...thankYou,
  name: [() => 'Thank you for applying', () => 'Application sent'],
  seo_title: [() => 'Thank you: your application has been received'],
  seo_description: [() => 'Your application has been received. We will get back to you soon to arrange your discovery call.'],
  eyebrow: [() => 'Application received', () => 'It is sent'],
  headline: [() => 'Thank you! Your application has been received', (v) => `Thank you! ${C(v.brand)} will be in touch very soon`],
  promise: [() => 'We read your application carefully and will get back to you soon to arrange a time for your call.'],
  bullets: [
    () => 'Keep an eye on your inbox over the next few days',
    () => 'Add our address to your contacts',
    () => 'Write down the questions you would like to cover during the call',
    () => 'Prepare two or three goals for the coming months',
  ],
  faq: [
    { question: [() => 'When will I hear back?'], answer: [() => 'Soon: we read every application and get back to you by email or phone.'] },
    { question: [() => 'Can I change my application?'], answer: [() => 'Yes: simply reply to our email with the details to add.'] },
    { question: [() => 'Am I committed to anything?'], answer: [() => 'No. The call is a chance to get to know each other; you decide afterwards, freely.'] },
  ],
  cta_label: [() => 'Back to the home page', () => 'Got it'],
  cta_note: [() => 'A confirmation is also sent to you by email.'],
};

const memberWelcome: TRolePhrases = {
  name: [() => 'Members area', () => 'Welcome to your area'],
  seo_title: [(v) => `Members area: ${v.topic}`, () => 'Welcome to your members area'],
  seo_description: [() => 'Your members area: where to start, the content available and how to get help.'],
  eyebrow: [() => 'Members area', () => 'Welcome'],
  headline: [(v) => `Welcome to ${v.offer.the} ${v.topicQ}`, () => 'Welcome to your members area', () => 'Make yourself at home: welcome'],
  promise: [
    () => 'Everything you need is here. Start with the first step below, then move at your own pace: the content stays available as long as you are a member.',
  ],
  bullets: [
    () => 'Start with the first step, before anything else',
    () => 'Move at your own pace, without pressure',
    () => 'Come back regularly: new content is waiting for you',
    () => 'Ask your questions by replying to our emails',
  ],
  sections: [
    {
      title: [() => 'Where to start?', () => 'First step'],
      text: [() => 'Take a few minutes to look around this area, then set yourself a simple first goal for the week.'],
    },
    {
      title: [() => 'How to make the most of it', () => 'Our advice'],
      text: [() => 'Block a regular slot in your calendar: a few minutes each week beat a long session now and then.'],
    },
  ],
  faq: [
    { question: [() => 'How do I come back to this area?'], answer: [() => 'With the sign-in link sent by email: keep it, or bookmark this page.'] },
    { question: [() => 'Can I access the content on my phone?'], answer: [() => 'Yes, this area opens in your browser, on a computer, tablet or phone.'] },
    { question: [() => 'Who do I contact with a question?'], answer: [() => 'Reply to one of our emails: a member of the team will get back to you quickly.'] },
  ],
  cta_label: [() => 'Start now', () => 'Let us begin'],
  cta_note: [() => 'Your access stays active as long as you are a member.'],
  guarantee: [() => 'You are not alone: we are available by email to help you at every step.'],
};

const ROLES: Record<TFunnelPageRole, TRolePhrases> = {
  registration,
  confirmation,
  replay,
  optin,
  application,
  thank_you: thankYou,
  member_welcome: memberWelcome,
  ...EN_OFFER_ROLES,
};

export const EN_PHRASES: TFunnelPhrasebook = {
  entry: ENTRY,
  offer: OFFER,
  upsell: noun('premium coaching add-on'),
  downsell: noun('essential version'),
  funnelName: [
    (v) => `${C(v.entry.bare)}: ${v.topic}`,
    (v) => `Funnel: ${v.topic}`,
    (v) => `${C(v.offer.bare)}: ${v.topic}`,
    (v) => `${C(v.entry.bare)} funnel by ${v.brand}`,
    (v) => `New ${v.offer.bare} funnel`,
  ],
  funnelDescription: [
    (v) => `A funnel written for ${v.audience}, on ${v.topicQ}.`,
    (v) => `A funnel on ${v.topicQ}, from the first visit to ${v.offer.the}.`,
    (v) => `A funnel by ${v.brand}, from the first visit to ${v.offer.the}.`,
  ],
  roles: ROLES,
  roleLabels: {
    registration: 'registration',
    confirmation: 'confirmation',
    replay: 'replay',
    optin: 'sign-up',
    vsl: 'presentation video',
    sales: 'sales page',
    upsell: 'add-on offer',
    downsell: 'lighter option',
    thank_you: 'thank-you page',
    application: 'application',
    member_welcome: 'members area',
  },
  stepsLabel: 'Steps',
  byType: { service: { optin: serviceOptin, thank_you: serviceThankYou }, lead_magnet: { thank_you: leadThankYou } },
};
