import type { TEmailLibrary } from './email-phrases.types.js';

// The built-in writer's English: the same moves as the French library (email-phrases.fr.ts), written for an English
// reader rather than translated. The brief's words are framed (after a colon, between “ ”), the sender speaks as "I",
// and no sentence states a figure, a date or a result the member did not give.

export const EN_EMAIL: TEmailLibrary = {
  typeLabel: {
    newsletter: 'Newsletter',
    promotion: 'Promotion',
    welcome: 'Welcome',
    product_launch: 'Launch',
    event_invitation: 'Invitation',
    re_engagement: 'Re-engagement',
    follow_up: 'Follow-up',
  },
  generic: {
    subject: [() => 'A message for you', () => 'Some news from me', () => 'Worth a read when you have a moment', () => 'An idea to share with you'],
    preheader: [() => 'A few lines to read when you have a moment.'],
    intro: [() => 'I’m taking a few minutes to write to you today.'],
    title: [() => 'In short', () => 'Key points', () => 'Going further'],
    paragraph: [() => 'Take a moment to read these few lines: they were written to be useful to you.'],
    cta: [() => 'Learn more', () => 'Continue'],
    closing: [() => 'Talk soon.'],
    ps: [() => 'A question? Just reply to this email.'],
  },
  titles: {
    attention: [(v) => v.topic, (v) => `On the menu: ${v.topicMid}`, () => 'Today’s topic'],
    desire: [() => 'What’s in it for you', () => 'What this changes for you', () => 'In practice'],
    problem: [() => 'The problem', () => 'Sound familiar?', () => 'Where things get stuck'],
    solution: [() => 'What I suggest', () => 'The good news', () => 'A better way'],
    before: [() => 'Where you are today', () => 'The starting point'],
    after: [() => 'Now picture this', () => 'And tomorrow?'],
    bridge: [() => 'How to get there', () => 'The way forward', () => 'The next step'],
  },
  tones: {
    professional: {
      leadIn: [() => ''],
      closing: [
        () => 'Thank you for your time. I remain available should you have any questions.',
        () => 'Thank you for reading. Feel free to reach out with any questions.',
      ],
    },
    friendly: {
      leadIn: [() => 'I hope you’re doing well.', () => 'I hope your week is going well.'],
      closing: [() => 'Thanks for reading, and talk soon!', () => 'Take care, and see you soon!'],
    },
    enthusiastic: {
      leadIn: [() => 'I’m so excited to write to you today!', () => 'I’ve been looking forward to sharing this with you!'],
      closing: [() => 'I can’t wait to hear what you think. Talk soon!', () => 'Thanks for reading, and see you very soon for what’s next!'],
    },
    inspiring: {
      leadIn: [() => 'Every big change starts with a small decision.', () => 'Moving forward starts with daring to take a first step.'],
      closing: [() => 'The best time to move forward is now. I believe in you.', () => 'Every small step counts. Thank you for moving forward with me.'],
    },
    direct: {
      leadIn: [() => '', () => 'I’ll get straight to the point.'],
      closing: [() => 'Thanks, and talk soon.', () => 'Have a good day.'],
    },
    playful: {
      leadIn: [() => 'Promise: this email reads faster than your coffee cools down.', () => 'Grab a seat: this one’s short, I promise!'],
      closing: [() => 'Right, I’m off… but I’ll be back soon!', () => 'And on that note, I’ll let you go… but not for long!'],
    },
  },
  forWhom: [
    // The audience is how the member describes a segment ("Inactive subscribers"): never quoted to the reader.
    () => 'I wrote this with you in mind, and with what you have already told me about your needs.',
    () => 'If you recognise yourself in these lines, what follows is for you.',
  ],
  ps: [(v) => (v.offer ? `To go further, you can also look at my main offer: ${v.offer}.` : '')],
  types: {
    newsletter: {
      frameworks: ['aida', 'pas'],
      subjects: {
        question: [(v) => `${v.topic}: shall we talk about it?`, () => 'How are things going for you?'],
        benefit: [(v) => `${v.topic}: the ideas worth keeping`, (v) => `What ${v.topicQ} can change for you`, () => 'Practical ideas you can use today'],
        curiosity: [(v) => `What most people overlook about ${v.topicQ}`, () => 'The small detail that changes everything'],
        urgency: [(v) => `${v.topic}: worth reading this week`, () => 'Read this before the week is over'],
      },
      preheader: [(v) => `My take on ${v.topicQ}, ready to use today.`, () => 'Practical ideas, ready to use today. Enjoy the read!'],
      intro: [
        (v) => `This week, I’d like to take stock of a topic that matters: ${v.topicMid}.`,
        (v) => `Today I wanted to talk about ${v.topicQ}: simple on the surface, but it makes a real difference day to day.`,
        () => 'Here are this week’s ideas, picked to be useful to you right away.',
      ],
      hook: [
        (v) => `You hear a lot about ${v.topicQ}. Here is what I take away from it, without jargon or detours.`,
        () => 'Behind every topic that looks complicated, there is often a very simple question: where do I start?',
      ],
      pain: [
        () => 'We often know what we should do, but between daily emergencies and lack of time, it keeps slipping down the list.',
        () => 'Too much information, conflicting advice, and in the end, you no longer know what to apply.',
      ],
      stakes: [
        () => 'As a result, good ideas stay in the back of your mind, and nothing really changes.',
        () => 'Meanwhile, the same difficulties come back, week after week.',
      ],
      promise: [
        () => 'The goal: to leave with clear ideas you can put into practice this week.',
        (v) => `Imagine approaching ${v.topicQ} with a clear plan, knowing exactly what really matters.`,
      ],
      offer: [
        () => 'In this newsletter, I’ve gathered the essentials of what I’ve learned on the subject, with concrete examples to help you act.',
        () => 'Here is a simple way to approach the subject, step by step, without turning everything upside down.',
      ],
      bullets: [
        () => 'The key ideas, explained simply',
        () => 'Concrete examples you can reuse as they are',
        () => 'The common mistakes to avoid',
        () => 'One simple action to try this week',
        () => 'Hand-picked resources to go further',
      ],
      cta: [() => 'Read more', () => 'Read the article', () => 'See the tips'],
      ps: [
        () => 'A question on the topic? Just reply to this email: I read every reply.',
        () => 'If this newsletter was useful, forward it to someone who could use it too.',
      ],
    },
    promotion: {
      frameworks: ['pas', 'aida', 'bab'],
      subjects: {
        question: [(v) => `${v.topic}: is this the right time?`, () => 'What if now was the right time?'],
        benefit: [(v) => `${v.topic}: an offer designed for you`, () => 'An offer designed for you'],
        curiosity: [() => 'I have something for you…', () => 'Here’s what I’ve saved for you this week'],
        urgency: [(v) => `${v.topic}: the offer ends soon`, () => 'Final stretch: the offer ends soon'],
      },
      preheader: [(v) => `${v.topic}: all the details of the offer inside.`, () => 'An offer reserved for the people who follow me, for a short time only.'],
      intro: [
        (v) => `I have good news for you: ${v.topicMid}. An offer I prepared with you in mind, and it won’t last.`,
        (v) => `I’m writing today to present a special offer: ${v.topicQ}.`,
        () => 'I’m writing today to present a special offer, prepared with you in mind.',
      ],
      hook: [
        () => 'Been thinking about it for a while? Maybe that’s the sign it’s time to act.',
        () => 'Some decisions wait for the right moment. This could well be yours.',
      ],
      pain: [
        () => 'You know what would help you move forward, but the right moment never seems to come.',
        () => 'Putting things off is human: we wait until we have the time, until we feel sure, until everything is perfect.',
      ],
      stakes: [
        () => 'And with every month that passes, the project stays a project, while your goals don’t wait.',
        () => 'Meanwhile, nothing changes, and the frustration grows.',
      ],
      promise: [
        () => 'With this offer, you finally move forward on what matters, on terms designed to make your decision easier.',
        () => 'Picture this: a few weeks from now, you look back and you’re glad you took the leap.',
      ],
      offer: [
        (v) => `That’s why I’m offering you ${v.topicQ}, a special offer reserved for the people who follow me.`,
        () => 'This offer is the ideal opportunity to get started, on good terms and without waiting.',
      ],
      bullets: [
        () => 'An offer reserved for the people who follow me',
        () => 'Terms designed to make your decision easier',
        () => 'Available for a limited time',
        () => 'The same care and standards as always',
        () => 'A real boost to move forward on your goals',
      ],
      cta: [() => 'Claim the offer', () => 'Discover the offer', () => 'See the offer'],
      ps: [
        () => 'The offer is time-limited: if it speaks to you, don’t let it slip away.',
        () => 'A doubt, a question? Reply to this email and I’ll answer you personally.',
      ],
    },
    welcome: {
      frameworks: ['bab', 'aida'],
      subjects: {
        question: [(v) => `${v.topic}: shall we begin?`, () => 'Welcome! Shall we begin?'],
        benefit: [(v) => `${v.topic}: everything to get off to a good start`, () => 'Welcome: here’s how to get started'],
        curiosity: [() => 'A quick word before we start', () => 'Before anything else, read this'],
        urgency: [() => 'Your first step is waiting', () => 'Read this today to get started right'],
      },
      preheader: [(v) => `${v.topic}: everything you need to get started.`, () => 'Thank you for your trust. Here’s what’s ahead, and where to start.'],
      intro: [
        (v) => `Welcome! It’s a pleasure to have you with us. In this email, I explain what’s ahead around ${v.topicQ}.`,
        (v) => (v.brand ? `Thanks for signing up, and welcome to ${v.brand}! You’re in the right place to make progress on ${v.topicQ}.` : ''),
        () => 'Welcome! It’s a pleasure to have you with us, and thank you for your trust.',
      ],
      hook: [
        () => 'You’ve just taken an important first step. Here’s how to make the most of it.',
        () => 'To start on the right foot, a few simple landmarks beat a long list.',
      ],
      pain: [
        () => 'When you start out, it often feels like there are countless things to look at, with no idea where to begin.',
        () => 'At the beginning, it’s easy to scatter your energy and lose the thread.',
      ],
      stakes: [
        () => 'And without clear landmarks, the initial motivation quickly fades.',
        () => 'That’s often when people give up, just when the hardest part was done.',
      ],
      promise: [
        () => 'My goal: that you know exactly what to do next, and move forward at your own pace, calmly.',
        (v) => `Picture this: a few weeks from now, ${v.topicQ} is a natural part of your daily life.`,
      ],
      offer: [
        () => 'In my next emails, I’ll share my best advice, concrete examples and resources picked for you.',
        () => 'To begin with, here’s what you can expect from me.',
      ],
      bullets: [
        () => 'Practical advice you can apply right away',
        () => 'Examples drawn from real situations',
        () => 'Resources picked to save you time',
        () => 'A personal answer to your questions',
        () => 'Short emails that are easy to read',
      ],
      cta: [() => 'Start now', () => 'See the first step', () => 'Get started'],
      ps: [
        () => 'To make sure you don’t miss my next emails, add this address to your contacts.',
        () => 'Reply to this email to tell me what you’re most looking forward to: I read every reply.',
      ],
      titles: { attention: [() => 'Welcome!', () => 'Welcome aboard'], before: [() => 'Your first steps'] },
    },
    product_launch: {
      frameworks: ['aida', 'pas', 'bab'],
      subjects: {
        question: [(v) => `${v.topic}: have you been waiting for this?`, () => 'Have you been waiting for this?'],
        benefit: [(v) => `${v.topic}: what it changes for you`, () => 'What this new release changes for you'],
        curiosity: [(v) => `${v.topic}: behind the scenes`, () => 'I can finally show you what I’ve been working on'],
        urgency: [(v) => `It’s today: ${v.topicMid}`, () => 'It’s today: discover what’s new'],
      },
      preheader: [(v) => `${v.topic}: everything you need to know about what’s new.`, () => 'Something new, prepared with care, to help you move forward.'],
      intro: [
        (v) => `I’m very proud to introduce something new today: ${v.topicMid}.`,
        (v) => `I’ve been working for a while on a project close to my heart, and it’s finally ready: ${v.topicQ}.`,
        () => 'I’ve been working for a while on a project close to my heart, and it’s finally ready.',
      ],
      hook: [
        () => 'Some new things simply change the way you work. That’s what I set out to build.',
        () => 'It all started with a simple observation, shared by many of the people I work with.',
      ],
      pain: [
        () => 'You’re looking for something simple and reliable, but what you find is often too complicated or too generic.',
        () => 'Until now, you had to make do with solutions that only half met your needs.',
      ],
      stakes: [
        () => 'The result: wasted time, spent energy, and results that keep you waiting.',
        () => 'And after too many compromises, you end up giving up on what you really wanted.',
      ],
      promise: [
        (v) => `With ${v.topicQ}, you finally have a solution designed for you, and simple to get started with.`,
        () => 'Imagine moving forward calmly, with a solution that suits you and saves you time.',
      ],
      offer: [
        (v) => `That’s the whole point of ${v.topicQ}: a clear solution, built from the real needs of the people I work with.`,
        () => 'I designed this new release to meet exactly those needs, with the greatest care.',
      ],
      bullets: [
        () => 'A solution built from your real needs',
        () => 'Quick and simple to get started',
        () => 'Support to help you get going',
        () => 'Carefully prepared, down to the last detail',
        () => 'Real time saved, every day',
      ],
      cta: [() => 'Discover what’s new', () => 'Tell me more', () => 'See the presentation'],
      ps: [
        () => 'Your opinion matters a lot to me: reply to this email and tell me what you think.',
        () => 'A question about what’s new? Just reply to this email.',
      ],
      titles: { attention: [() => 'The big day is here', (v) => v.topic] },
    },
    event_invitation: {
      frameworks: ['aida', 'bab'],
      subjects: {
        question: [(v) => `${v.topic}: will you join us?`, () => 'Will you join us?'],
        benefit: [(v) => `${v.topic}: you’re invited`, () => 'An invitation to move forward together'],
        curiosity: [() => 'I have an invitation for you', () => 'A seat is waiting for you…'],
        urgency: [(v) => `${v.topic}: save your seat`, () => 'Save your seat now'],
      },
      preheader: [(v) => `A personal invitation: ${v.topicMid}. Save your seat.`, () => 'A moment of exchange to leave with practical ideas.'],
      intro: [
        (v) => `I’m delighted to invite you to something I’m preparing with care: ${v.topicQ}.`,
        (v) => `I’m soon hosting an event around ${v.topicQ}, and I would love to see you there.`,
        () => 'I’m delighted to invite you to a moment of exchange I’m preparing with care.',
      ],
      hook: [
        () => 'Nothing beats a real conversation to move forward. That’s the whole spirit of this event.',
        () => 'Reading advice is good. Living it live, questions included, is even better.',
      ],
      pain: [
        () => 'When you move forward with no one to talk things through, you quickly go round in circles.',
        () => 'Between online content and conflicting advice, it’s hard to know what really applies to your situation.',
      ],
      stakes: [() => 'And the same questions stay unanswered, week after week.', () => 'And you end up postponing what could change a lot.'],
      promise: [
        () => 'You’ll leave with clear answers, practical ideas and the drive to act.',
        () => 'Imagine leaving this event with a clear plan and answers to your questions.',
      ],
      offer: [
        (v) => `That’s why I’m hosting ${v.topicQ}: a practical moment of exchange where you can ask all your questions.`,
        () => 'On the agenda: practical explanations, examples and time for your questions.',
      ],
      bullets: [
        () => 'Practical, accessible explanations',
        () => 'Time set aside for your questions',
        () => 'Examples drawn from real situations',
        () => 'A friendly moment of exchange',
        () => 'Ideas to apply the very next day',
      ],
      cta: [() => 'Save my seat', () => 'Sign me up', () => 'Register now'],
      ps: [
        () => 'Know someone who would be interested in this topic? Forward them this invitation.',
        () => 'A question about the event? Reply to this email and I’ll answer you personally.',
      ],
      titles: { attention: [(v) => v.topic, () => 'An invitation for you'], after: [() => 'What you’ll take away'] },
    },
    re_engagement: {
      frameworks: ['pas', 'bab'],
      subjects: {
        question: [(v) => `${v.topic}: still relevant for you?`, () => 'Shall we stay in touch?'],
        benefit: [(v) => `${v.topic}: the essentials in a few lines`, () => 'What you may have missed lately'],
        curiosity: [() => 'It’s been a while…', () => 'I was wondering how you were doing'],
        urgency: [() => 'Tell me quickly if I should keep writing to you', () => 'A quick answer from you?'],
      },
      preheader: [() => 'It’s been a while. Here’s what you may have missed.', () => 'A quick note to see how you’re doing.'],
      intro: [
        () => 'It’s been a while since I last heard from you, so I simply wanted to take the time to write.',
        () => 'I have a feeling my last emails went unnoticed, and that’s perfectly normal: our inboxes are overflowing.',
      ],
      hook: [
        () => 'I know the weeks fly by and your inbox never empties.',
        () => 'Your priorities may have changed since you signed up, and that’s perfectly normal.',
      ],
      pain: [
        () => 'Too many emails, not enough time: you end up skimming everything, even what really interested you.',
        () => 'Your priorities may have changed since you signed up, and that’s perfectly normal.',
      ],
      stakes: [
        () => 'And that’s a shame, because that’s exactly where the ideas that could have helped you are.',
        () => 'And little by little, you lose track of what made you want to move forward.',
      ],
      promise: [
        () => 'My goal: to send you only what is truly useful to you, at the right time.',
        () => 'Imagine receiving only short, useful emails suited to what you’re going through today.',
      ],
      offer: [
        (v) => `To reconnect, I’ve gathered the essentials around ${v.topicQ}, in a few minutes of reading.`,
        () => 'So I suggest we start afresh, with what matters most to you.',
      ],
      bullets: [
        () => 'The essentials of what you missed',
        () => 'Short tips that are easy to apply',
        () => 'Emails suited to your current priorities',
        () => 'The freedom to choose what you receive',
      ],
      cta: [() => 'Yes, keep me in', () => 'Let’s stay in touch', () => 'See what’s new'],
      ps: [
        () => 'If my emails no longer interest you, no worries: the unsubscribe link is at the bottom of this email.',
        () => 'A topic you’d like me to cover? Reply to this email: I read every reply.',
      ],
      titles: { problem: [() => 'I understand', () => 'The problem'], before: [() => 'I understand'] },
    },
    follow_up: {
      frameworks: ['pas', 'aida'],
      subjects: {
        question: [(v) => `${v.topic}: any questions?`, () => 'Have you had time to think about it?'],
        benefit: [(v) => `${v.topic}: the next steps`, () => 'Everything you need for what comes next'],
        curiosity: [(v) => `One last thing about ${v.topicQ}`, () => 'I was thinking back to our last conversation…'],
        urgency: [(v) => `${v.topic}: let’s take the next step`, () => 'Don’t let the momentum fade'],
      },
      preheader: [(v) => `${v.topic}: a recap and what comes next.`, () => 'A quick follow-up to help you take the next step.'],
      intro: [
        (v) => `I’m following up on ${v.topicQ} to make sure you have everything you need for what comes next.`,
        (v) => `Following our last exchange about ${v.topicQ}, I wanted to check in with you.`,
        () => 'I’m following up to make sure you have everything you need for what comes next.',
      ],
      hook: [
        () => 'Between intention and action, one thing is often missing: knowing clearly what the next step is.',
        () => 'After a first conversation, questions often come a little later. That’s normal.',
      ],
      pain: [
        () => 'Once the initial enthusiasm fades, daily life takes over and the project slips down the list.',
        () => 'You may still have a doubt, or a question left unanswered.',
      ],
      stakes: [() => 'And the longer you wait, the harder it is to get back to it.', () => 'And a small doubt is sometimes enough to put everything on hold.'],
      promise: [
        () => 'The idea: that you know clearly what the next step is, and can take it with confidence.',
        () => 'Imagine having already taken that step, and finally moving forward with a clear direction.',
      ],
      offer: [
        () => 'To make things easier, here is a simple recap and the next step I suggest.',
        () => 'I remain available to answer your questions and help you decide with confidence.',
      ],
      bullets: [
        () => 'A recap of the essentials',
        () => 'The next step, explained simply',
        () => 'Answers to the most common questions',
        () => 'Support if you need it',
        () => 'No pressure: you decide at your own pace',
      ],
      cta: [() => 'Take the next step', () => 'Continue', () => 'See what’s next'],
      ps: [
        () => 'A question, even a small one? Reply to this email and I’ll answer you personally.',
        () => 'If now isn’t the right time, just tell me: I’ll understand.',
      ],
    },
  },
};
