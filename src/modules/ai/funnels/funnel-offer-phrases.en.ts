import { capitalize as C, lowerFirst } from '../builtin-kit/text-case.js';
import { ifFree, ifPaid, type TRolePhrases } from './phrase-kit.js';

// The English phrasings of the pages that sell (see funnel-offer-phrases.fr.ts for the frameworks and the rules):
// the presentation video and the sales page (AIDA), the upsell and the downsell (before, after, bridge).

const vsl: TRolePhrases = {
  name: [() => 'Presentation video', (v) => `Video: ${v.topic}`],
  seo_title: [(v) => `Free video: ${v.topic}`, (v) => `A free video from ${v.brand}`, () => 'The video to watch before you start', (v) => `Video: ${v.topic}`],
  seo_description: [
    (v) => `A free video on how to make real progress with ${v.topicQ}, and an introduction to ${v.offer.the}.`,
    (v) => `A free video on how to make real progress, step by step, and an introduction to ${v.offer.the}.`,
    (v) => `A video on how to make real progress with ${v.topicQ}, and an introduction to ${v.offer.the}.`,
    (v) => `A presentation video on how to make real progress, step by step, and an introduction to ${v.offer.the}.`,
  ],
  eyebrow: [() => 'Free video', () => 'Watch it to the end', () => 'Video presentation'],
  headline: [
    (v) => `${C(v.topic)}: watch this video before you start`,
    () => 'Watch this video before you start',
    () => 'The step-by-step method, explained on video',
  ],
  promise: [
    (v) => `In this video, ${v.brand} explains why the usual advice falls short, and how to move forward step by step with ${v.topicQ}.`,
    () => 'In this video, discover why the usual advice falls short, and how to move forward step by step, with a clear method.',
  ],
  bullets: [
    () => 'Why the usual advice falls short',
    () => 'The method, step by step',
    () => 'The mistakes to avoid from day one',
    (v) => `How ${v.offer.the} helps you take action`,
    () => 'The first step to take today',
  ],
  sections: [
    {
      title: [() => 'Why this video?', () => 'The starting point'],
      text: [
        (v) =>
          `Advice on ${v.topicQ} keeps piling up, and much of it contradicts itself. This video puts things in order: what really matters, and in what order.`,
        () => 'Advice keeps piling up, and much of it contradicts itself. This video puts things in order: what really matters, and in what order.',
      ],
    },
    {
      title: [() => 'After the video', () => 'What comes next?'],
      text: [(v) => `At the end of the video, a button lets you discover ${v.offer.the}: what it contains, how it works and its terms.`],
    },
  ],
  faq: [
    { question: [() => 'Do I need to sign up to watch the video?'], answer: [() => 'No, it plays right here on this page.'] },
    {
      question: [() => 'What happens after the video?'],
      answer: [(v) => `A button appears so you can discover ${v.offer.the} and its terms. What you do next is up to you.`],
    },
    { question: [() => 'Can I watch it on my phone?'], answer: [() => 'Yes, on a computer, tablet or phone, right in your browser.'] },
  ],
  cta_label: [(v) => `Discover ${v.offer.the}`, () => 'I want to know more'],
  cta_note: [(v) => `Details of ${v.offer.the} and its terms are on the next page.`],
  guarantee: [(v) => `No commitment: watch the video, then decide freely whether ${v.offer.the} suits you.`],
};

const sales: TRolePhrases = {
  name: [(v) => `${C(v.offer.bare)} sales page`, (v) => `Sales page: ${v.topic}`],
  seo_title: [(v) => `${C(v.offer.bare)}: ${v.topic}`, (v) => `${C(v.offer.the)} by ${v.brand}`, (v) => `Join ${v.offer.the}`],
  seo_description: [
    (v) => ifPaid(v, `${C(v.offer.the)} on ${v.topicQ}: a step-by-step method for ${v.audience}, at ${v.price}.`),
    (v) => `${C(v.offer.the)} on ${v.topicQ}: a step-by-step method to turn intentions into results, at your own pace.`,
    (v) => `Discover ${v.offer.the}: a step-by-step method to turn intentions into results, at your own pace.`,
    (v) => `${C(v.offer.the)} on ${v.topicQ}: a step-by-step path to turn intentions into results, at your own pace.`,
    (v) => `Discover ${v.offer.the}: a step-by-step path to turn intentions into results, at your own pace.`,
  ],
  eyebrow: {
    base: [(v) => `For ${v.audience}`, () => 'A step-by-step method', (v) => `${C(v.offer.the)} by ${v.brand}`, () => 'Take action'],
    tones: { enthusiastic: [() => 'It is time to move forward!'], inspiring: [() => 'Your next step starts here'] },
  },
  headline: [
    (v) => `${C(v.topic)}: turn intentions into results, step by step`,
    (v) => `Finally make progress with ${v.topicQ}, with a clear method`,
    (v) => `${C(v.offer.the)} on ${v.topicQ}: the complete method, step by step`,
    () => 'The complete method to turn intentions into results',
    () => 'Stop guessing: follow a clear method, step by step',
    () => 'Turn intentions into results, step by step',
  ],
  promise: [
    (v) => `${C(v.offer.this)} guides ${v.audience} step by step through ${v.topicQ}. You know what to do, in what order, and why.`,
    (v) => `${C(v.offer.this)} guides you step by step: you know what to do, in what order, and why. No more trial and error or conflicting advice.`,
  ],
  bullets: [
    () => 'A clear method, step by step, from the first move to results',
    () => 'A practical action plan that fits your schedule',
    () => 'A progression designed for hands-on practice',
    () => 'Common mistakes spotted and avoided from the start',
    () => 'A framework to move at your own pace, without scattering your efforts',
    () => 'More clarity and confidence in your decisions',
  ],
  sections: [
    {
      title: [() => 'Why it is so hard on your own', () => 'The real problem'],
      text: [
        (v) =>
          `Advice on ${v.topicQ} is everywhere, and that is exactly the problem. Without a clear thread, you try everything, spread yourself thin, and results keep you waiting.`,
        () =>
          'Advice is everywhere, and that is exactly the problem. Without a clear thread, you try everything, spread yourself thin, and results keep you waiting.',
      ],
    },
    {
      title: [() => 'The method', (v) => `How ${v.offer.the} works`],
      text: [
        (v) =>
          `${C(v.offer.the)} moves step by step: understand where you stand, set the right priorities, then take action with a practical plan. Each step builds on the one before.`,
      ],
    },
    {
      title: [() => 'What is included', () => 'What the offer contains'],
      text: [(v) => (v.offerItems.length ? `Included: ${v.offerItems.map(lowerFirst).join('; ')}.` : '')],
    },
    {
      title: [(v) => ifPaid(v, 'Your investment'), (v) => ifFree(v, 'Free access'), (v) => ifFree(v, 'Access with no commitment')],
      text: [
        (v) =>
          ifPaid(v, `${C(v.offer.the)} is available at ${v.price}. An investment to save time, avoid costly mistakes and move forward with a clear direction.`),
        (v) => ifFree(v, `Access to ${v.offer.the} is free: sign up below and start today, with no commitment.`),
        (v) => ifFree(v, `Sign up below to access ${v.offer.the} and start today, with no commitment.`),
      ],
    },
    {
      title: [() => 'Who is it for?', (v) => `Who ${v.offer.this} is for`],
      text: [
        (v) => `${C(v.offer.this)} is designed for ${v.audience}. No prerequisites: all it takes is the will to move forward and a little time each week.`,
        () => 'For anyone who wants to move forward with a method rather than by chance. No prerequisites: all it takes is a little time each week.',
      ],
    },
  ],
  faq: [
    {
      question: [() => 'How much time does it take?'],
      answer: [() => 'You move at your own pace: what matters is consistency, even with little time each week.'],
    },
    {
      question: [() => 'What if I am a complete beginner?'],
      answer: [(v) => `${C(v.offer.the)} starts from the basics: every step is explained simply, with no prerequisites.`],
    },
    {
      question: [(v) => ifPaid(v, 'Is it a good investment?'), (v) => ifFree(v, 'Is it really free?')],
      answer: [
        (v) => ifPaid(v, `${v.price} for a clear method and a practical action plan: enough to spare you months of guesswork on your own.`),
        (v) => ifPaid(v, `${v.price} for a clear framework and a practical action plan: enough to spare you months of guesswork on your own.`),
        (v) => ifFree(v, 'Yes, access is free, with no commitment.'),
      ],
    },
    {
      question: [() => 'How do I get access?'],
      answer: [
        (v) => ifPaid(v, 'As soon as your payment goes through, you receive an email with your access details.'),
        (v) => ifFree(v, 'As soon as you sign up, you receive an email with your access details.'),
      ],
    },
    {
      question: [() => 'What if it is not right for me?'],
      answer: [() => 'Ask us your questions before you decide: we will give you an honest answer, even if it is no.'],
    },
  ],
  cta_label: {
    base: [
      (v) => ifPaid(v, `Join ${v.offer.the}`),
      (v) => ifPaid(v, 'Place my order'),
      (v) => ifFree(v, 'Get free access'),
      (v) => ifFree(v, `Join ${v.offer.the}`),
    ],
    tones: { enthusiastic: [(v) => `Yes, I am joining ${v.offer.the}!`], direct: [(v) => ifPaid(v, 'Order'), (v) => ifFree(v, 'Get access')] },
  },
  cta_note: [
    (v) => ifPaid(v, 'Secure payment. Your access details arrive by email once your order is confirmed.'),
    (v) => ifFree(v, 'Free access, sent by email. No commitment.'),
    (v) => ifFree(v, 'Your access details arrive by email as soon as you sign up. No commitment.'),
  ],
  guarantee: [
    () => 'Our commitment: clear, honest content you can apply right away. A question before you decide? Write to us and we will answer personally.',
    () => 'Our commitment: plain words and practical steps. A question before you decide? We will answer you personally.',
  ],
};

const upsell: TRolePhrases = {
  name: [() => 'Add-on offer', (v) => `Special offer: ${v.upsell.bare}`],
  seo_title: [(v) => `Add-on offer: ${v.upsell.the}`, (v) => `${C(v.topic)}: go further`, () => 'Go further with personal support'],
  seo_description: [
    (v) => `Complete your journey with ${v.upsell.the}: personal support to apply the method with more confidence.`,
    (v) => `Complete your journey with ${v.upsell.the}: personal support to move forward with more confidence.`,
  ],
  eyebrow: [() => 'Wait: an add-on offer', () => 'Go further', (v) => ifPaid(v, 'For new customers only')],
  headline: [
    (v) => `Go further with ${v.upsell.the}`,
    () => 'What if you no longer had to go it alone?',
    (v) => `${C(v.topic)}: add personal support to your journey`,
  ],
  promise: [
    (v) =>
      `Today, you have the method. Tomorrow, you could apply it with an expert eye on your situation. ${C(v.upsell.the)} is the bridge: personal support to move forward with more confidence.`,
    (v) =>
      `Today, you have the keys. Tomorrow, you could put them into practice with an expert eye on your situation. ${C(v.upsell.the)} is the bridge: personal support to move forward with more confidence.`,
  ],
  bullets: [
    () => 'Personal support, focused on your situation',
    () => 'Practical feedback as you put things into practice',
    () => 'Precise answers to your questions',
    () => 'More confidence in every decision',
    () => 'A steady pace to keep you on track',
  ],
  sections: [
    {
      title: [() => 'Before', () => 'Where you are today'],
      text: [
        () => 'You have the method in hand. But on your own, it is easy to doubt, get stuck on a detail or lose momentum.',
        () => 'You have all the keys in hand. But on your own, it is easy to doubt, get stuck on a detail or lose momentum.',
      ],
    },
    {
      title: [() => 'After', () => 'Where you could be'],
      text: [
        () => 'Picture moving forward with an expert by your side: your questions get answers, your choices get checked, and you progress without detours.',
      ],
    },
    {
      title: [(v) => `The bridge: ${v.upsell.the}`, () => 'How to get there'],
      text: [
        (v) =>
          ifPaid(
            v,
            `${C(v.upsell.the)} completes ${v.offer.the} with personal support. It is added to your order in one click, with no details to enter again.`,
          ),
        (v) => `${C(v.upsell.the)} completes ${v.offer.the} with personal support, to apply the method to your own situation.`,
        (v) => `${C(v.upsell.the)} completes ${v.offer.the} with personal support, to move forward as close as possible to your own situation.`,
      ],
    },
  ],
  faq: [
    { question: [() => 'Is it required?'], answer: [() => 'No: this offer is optional. You keep everything you already have, whether you accept it or not.'] },
    {
      question: [(v) => `How is it different from ${v.offer.the}?`],
      answer: [
        (v) => `${C(v.offer.the)} gives you the method; ${v.upsell.the} helps you apply it to your situation, with personal support.`,
        (v) => `${C(v.offer.the)} gives you the keys; ${v.upsell.the} helps you put them into practice in your situation, with personal support.`,
      ],
    },
    {
      question: [(v) => ifPaid(v, 'How does payment work?')],
      answer: [
        () => 'In one click, with the payment method used for your order: nothing to enter again.',
        () => 'In one click, with the payment details of your order: nothing to enter again.',
      ],
    },
    {
      question: [() => 'Can I come back to it later?'],
      answer: [() => 'This offer is made on this page, right after your order: now is the time to take it.'],
    },
  ],
  cta_label: [(v) => `Yes, add ${v.upsell.the}`, () => 'Yes, I want this support'],
  cta_note: [(v) => ifPaid(v, 'Added to your order in one click, with no details to enter again.'), () => 'Optional offer: you can continue without it.'],
  guarantee: [() => 'No pressure: this offer is optional, and everything you already have stays yours whatever you decide.'],
};

const downsell: TRolePhrases = {
  name: [() => 'A lighter option', (v) => `${C(v.downsell.the)}`],
  seo_title: [(v) => `${C(v.downsell.the)}: ${v.topic}`, () => 'A lighter version, at a reduced price'],
  seo_description: [(v) => `Not the right time for ${v.upsell.the}? Discover ${v.downsell.the}: the essentials, in a lighter format and at a reduced price.`],
  eyebrow: [() => 'A lighter option', () => 'One last proposal'],
  headline: [
    () => 'Not ready for full support? Here is a lighter version',
    () => 'The essentials of support, in a lighter format',
    (v) => `${C(v.topic)}: a lighter version, at a reduced price`,
  ],
  promise: [
    (v) =>
      `You chose not to add ${v.upsell.the}, and that is fine. ${C(v.downsell.the)} keeps the essentials in a lighter format, at a reduced price, so you can move forward without committing further.`,
  ],
  bullets: [
    () => 'The essentials of support, in a shorter format',
    () => 'A reduced price that fits your budget more easily',
    () => 'Clear guidance to apply the method',
    () => 'A helping hand at the right moment',
  ],
  sections: [
    {
      title: [() => 'Before', () => 'Where you are today'],
      text: [() => 'You want to move forward, but full support does not fit your budget or your schedule right now.'],
    },
    {
      title: [() => 'After', () => 'What you could get'],
      text: [() => 'A targeted helping hand, at the right moment, to clear a roadblock and keep your momentum, without committing beyond what suits you.'],
    },
    {
      title: [(v) => `The bridge: ${v.downsell.the}`, () => 'How'],
      text: [(v) => `${C(v.downsell.the)} keeps the essentials of ${v.upsell.the}, in a lighter format and at a reduced price.`],
    },
  ],
  faq: [
    {
      question: [(v) => `How is it different from ${v.upsell.the}?`],
      answer: [(v) => `${C(v.downsell.the)} keeps the essentials in a shorter format: less support, but a real helping hand, at a reduced price.`],
    },
    { question: [() => 'Is it required?'], answer: [() => 'No: this proposal is optional. You can continue without it.'] },
    {
      question: [(v) => ifPaid(v, 'How does payment work?')],
      answer: [() => 'In one click, with the payment method used for your order.', () => 'In one click, with the payment details of your order.'],
    },
    { question: [() => 'Can I come back to it later?'], answer: [() => 'This proposal is made on this page only: now is the time to take it.'] },
  ],
  cta_label: [(v) => `Yes, I will take ${v.downsell.the}`, () => 'Yes, I want this version'],
  cta_note: [() => 'Optional proposal: you can continue without it.'],
  guarantee: [() => 'No pressure: this proposal is optional, and everything you already have stays yours whatever you decide.'],
};

export const EN_OFFER_ROLES = { vsl, sales, upsell, downsell } satisfies Record<string, TRolePhrases>;
