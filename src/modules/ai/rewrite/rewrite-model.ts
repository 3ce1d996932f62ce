import { z } from 'zod';
import type { TAiTone, TRewriteBody } from '../../../contracts/ai.js';
import type { TModelWriter } from '../ai-context.js';
import { keepsLiquidTags } from './liquid-tags.js';

const LANGUAGE_NAMES = { fr: 'French', en: 'English' } as const;

const TONE_WORDS: Record<TAiTone, string> = {
  professional: 'professional and precise',
  friendly: 'warm and friendly',
  enthusiastic: 'enthusiastic and energetic',
  inspiring: 'inspiring and uplifting',
  direct: 'direct and concise',
  playful: 'playful and light',
};

/** Our instructions per action; the member's text only travels in the data block. */
function instructionsFor(body: TRewriteBody, tone: TAiTone): string {
  const language = LANGUAGE_NAMES[body.language];
  const target = LANGUAGE_NAMES[body.language === 'fr' ? 'en' : 'fr'];
  const task = {
    rewrite: `Rewrite the text in ${language} with different words, keeping its meaning, length and tone.`,
    shorten: `Shorten the text in ${language} to about 60 % of its length, keeping its main message and call to action.`,
    lengthen: `Lengthen the text in ${language} by about half, adding one or two concrete sentences in the same spirit. Invent no facts, figures, prices or testimonials.`,
    change_tone: `Rewrite the text in ${language} in a ${TONE_WORDS[tone]} tone, keeping its meaning.`,
    translate: `Translate the text from ${language} into idiomatic ${target}, as a native marketing copywriter would write it.`,
  }[body.action];
  return [
    'You are a marketing copywriter editing a passage of an email or a landing page for a small business.',
    task,
    'The text is in the field "text" of the data. Keep every Liquid tag such as {{ lead.first_name }} or {% if … %} exactly as it is, in the right place.',
    body.language === 'fr' || body.action === 'translate'
      ? 'French text uses typographic apostrophes (’) and a non-breaking space before ? ! : ; and inside « ».'
      : '',
    'Answer with {"text": "<the new text>"}.',
  ]
    .filter(Boolean)
    .join('\n');
}

/** One model call; an answer that loses a Liquid tag fails the schema, so the writer asks again once, then reports it. */
export async function rewriteWithModel(writer: TModelWriter, body: TRewriteBody, tone: TAiTone): Promise<string> {
  const schema = z.strictObject({
    text: z
      .string()
      .trim()
      .min(1)
      .max(8000)
      .refine((text) => keepsLiquidTags(body.text, text), { message: 'must keep every Liquid tag of the text' }),
  });
  const answer = await writer.object({ task: 'rewrite', schema, instructions: instructionsFor(body, tone), data: { text: body.text } });
  return answer.text;
}
