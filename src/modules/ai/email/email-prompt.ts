import { ZEmailCopy, type TEmailCopy, type TEmailGenerateBody } from '../../../contracts/ai.js';
import type { TObjectRequest, TWriteContext } from '../ai-context.js';

// The model's path to an email's copy: our instructions (never a word of the member's) and the brief with the brand
// kit as data. The model writes the same ZEmailCopy the built-in writer does; the renderer adds the greeting's Liquid,
// the button's link (decided by the server) and the footer.

const LANGUAGE_NAMES = { fr: 'French', en: 'English' } as const;

const TYPE_GOALS: Record<TEmailGenerationTypeKey, string> = {
  newsletter: 'a newsletter: useful, practical content on the topic that builds trust',
  promotion: 'a promotional email: present the offer, its value and why to act now, without inventing prices or deadlines',
  welcome: 'a welcome email for new subscribers: thank them, say what they will receive and the first step',
  product_launch: 'a product launch announcement: what is new, for whom, what it changes',
  event_invitation: 'an invitation to an event: what happens there, what attendees take away, why register',
  re_engagement: 'a re-engagement email to contacts who stopped reading: reconnect, remind the value, let them choose',
  follow_up: 'a follow-up email after a first contact: recap, answer doubts, propose the next step',
};
type TEmailGenerationTypeKey = TEmailGenerateBody['type'];

/** The structured request a model answers with an email's copy. */
export function emailPrompt(brief: TEmailGenerateBody, ctx: TWriteContext): TObjectRequest<TEmailCopy> {
  const language = brief.language ?? ctx.language;
  const tone = brief.tone ?? ctx.tone;
  const instructions = [
    'You are an experienced email copywriter for French-speaking solo entrepreneurs and coaches.',
    `Write ${TYPE_GOALS[brief.type]}, in ${LANGUAGE_NAMES[language]}, with a ${tone} tone, using a proven copywriting framework (AIDA, PAS or before/after/bridge).`,
    language === 'fr'
      ? 'Write idiomatic French only (no English words), with typographic apostrophes (’) and a non-breaking space before ? ! : ; and inside « ».'
      : 'Write natural English.',
    'The reader is greeted by name before your intro: do not write a greeting. The sender signs with the brand name after your closing: do not sign.',
    'subject: at most 90 characters. subject_alternatives: exactly 3 other subjects for an A/B test, each in a different style (a question, a benefit, curiosity, urgency), all different from subject and from each other.',
    'preheader: at most 140 characters, completing the subject. intro: at most 400 characters. sections: 1 to 4, each with a title (at most 90 characters), 1 to 3 paragraphs (at most 700 characters each) and up to 5 short bullet points (at most 160 characters each, may be empty).',
    'cta_label: the button text, at most 50 characters. closing: the last line before the signature. ps: a post-scriptum without the "PS" prefix, giving one more reason to act. name: an internal campaign name.',
    'The email may be sent without a button: never mention clicking, links or buttons outside cta_label.',
    'Never invent figures, prices, dates, testimonials or results that are not in the data. Never use placeholders (such as [Name] or XXX): write the final text.',
    'Never use any of the words listed in words_to_avoid.',
  ].join('\n');
  return {
    task: 'email',
    schema: ZEmailCopy,
    instructions,
    data: {
      email_type: brief.type,
      topic: brief.topic,
      audience: brief.audience,
      ...(brief.name ? { campaign_name: brief.name } : {}),
      brand_name: ctx.brand.brand_name || ctx.workspaceName,
      main_offer: ctx.brand.main_offer,
      brand_audience: ctx.brand.audience,
      words_to_avoid: ctx.brand.words_to_avoid,
    },
  };
}
