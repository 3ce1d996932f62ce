import { PAGE_TYPE_OF_ROLE, type TAiLanguage, type TFunnelCopy, type TFunnelGenerateBody, type TPageCopy } from '../../../contracts/ai.js';
import { templateBlocks as b, type TTemplatePage, type TTemplateTheme } from '../../funnels/index.js';
import type { TWriteContext } from '../ai-context.js';
import { capitalize } from '../builtin-kit/text-case.js';
import { briefLanguage, phraseVars } from './builtin-funnel-writer.js';
import { RENDER_UI, ROLE_SLUGS } from './funnel-render-ui.js';
import {
  brandFooter,
  brandTheme,
  brandTopbar,
  emptyVideo,
  GENERATED_CSS,
  heroImage,
  t,
  webinarCountdown,
  webinarField,
  webinarLink,
  webinarState,
  webinarVideo,
} from './generated-blocks.js';
import type { TFunnelImages } from './funnel-images.js';
import type { TPhraseVars } from './phrase-kit.js';

// Copy (plain text) into real builder pages: the templates' blocks and styles, every text escaped, the functional
// blocks each role needs (webinar registration form, opt-in form with consent, webinar room states, order form,
// upsell accept and decline, video with a delayed call to action, next-step links that the public server points at
// the funnel's next page). A page may show the brand's logo and its hero image (funnel-images.ts), both from the
// workspace's media library; no other image and no outside address.

type TRenderContext = {
  lang: TAiLanguage;
  theme: TTemplateTheme;
  vars: TPhraseVars;
  brand: string;
  logoUrl: string | null;
  /** The hero's image (its markup, or '' without one). */
  image: string;
  /** The last page of the funnel has no next step to offer. */
  isLast: boolean;
};

/** Every page of a generated funnel, with slugs unique within it. */
export function renderGeneratedFunnel(copy: TFunnelCopy, brief: TFunnelGenerateBody, ctx: TWriteContext, images: TFunnelImages = {}): TTemplatePage[] {
  const taken = new Set<string>();
  return copy.pages.map((page, index) => {
    const slug = freeSlug(ROLE_SLUGS[briefLanguage(brief, ctx)][page.role], taken);
    taken.add(slug);
    return renderGeneratedPage(page, brief, ctx, { slug, isLast: index === copy.pages.length - 1, image: images[page.role] });
  });
}

function freeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** One page from its copy (a regeneration re-renders only the page it rewrote). */
export function renderGeneratedPage(
  copy: TPageCopy,
  brief: TFunnelGenerateBody,
  ctx: TWriteContext,
  place: { slug: string; isLast: boolean; image?: { url: string; alt: string } | null },
): TTemplatePage {
  const lang = briefLanguage(brief, ctx);
  const vars = phraseVars(brief, ctx);
  const rc: TRenderContext = {
    lang,
    theme: brandTheme(brief.type, ctx.brand.primary_color, ctx.brand.secondary_color),
    vars,
    brand: vars.brand,
    logoUrl: ctx.brand.logo_url,
    image: place.image ? heroImage(place.image) : '',
    isLast: place.isLast,
  };
  const body = BODIES[copy.role](copy, rc);
  return b.templatePage(lang, rc.theme, {
    name: copy.name,
    page_type: PAGE_TYPE_OF_ROLE[copy.role],
    slug: place.slug,
    seo_title: copy.seo_title,
    seo_description: copy.seo_description,
    body,
    css: GENERATED_CSS,
    members_only: copy.role === 'member_welcome',
  });
}

// Shared parts

const faqSection = (c: TPageCopy, rc: TRenderContext, variant?: 'alt') =>
  b.section(b.heading(RENDER_UI[rc.lang].faqTitle) + b.faq(c.faq.map((item) => ({ q: t(item.question), a: t(item.answer) }))), { variant });
const sectionCards = (c: TPageCopy, variant?: 'alt' | 'tint') =>
  b.section(
    b.modules(
      c.sections.map((s) => ({ title: t(s.title), text: t(s.text) })),
      c.sections.length === 3 ? 3 : 2,
    ),
    { variant },
  );
const commitment = (c: TPageCopy, rc: TRenderContext) =>
  b.section(b.noteBox('shield', `<strong>${t(RENDER_UI[rc.lang].guaranteeTitle)}</strong> ${t(c.guarantee)}`), { narrow: true, tight: true });
const centerHero = (c: TPageCopy, top = '') =>
  `<section class="mk-hero mk-hero--center"><div class="mk-container mk-narrow">${top}${b.eyebrow(t(c.eyebrow))}<h1>${t(c.headline)}</h1><p class="mk-lead">${t(c.promise)}</p></div></section>`;
const next = (c: TPageCopy, rc: TRenderContext) =>
  rc.isLast
    ? ''
    : b.section(`<div class="mk-center">${b.nextStep(t(c.cta_label), { xl: true })}${b.btnNote(t(c.cta_note))}</div>`, { narrow: true, tight: true });

/** A page whose form is its action: registration (webinar form), opt-in, application. */
function formPage(c: TPageCopy, rc: TRenderContext): string[] {
  const ui = RENDER_UI[rc.lang];
  const kind = c.role === 'registration' ? 'webinar' : 'optin';
  const fields: b.TFormField[] =
    c.role === 'application'
      ? ['first_name', 'last_name', 'email', { name: 'phone', optional: true }, { name: 'company', optional: true }]
      : ['first_name', 'email'];
  const formId = c.role === 'application' ? 'candidature' : 'inscription';
  const form = b.optinForm(rc.lang, { kind, formId, fields, consent: t(ui.consent(rc.brand)), submit: t(c.cta_label) });
  const title = ui.formTitle[c.role] ?? ui.formTitle.optin!;
  return [
    brandTopbar(rc.lang, rc.brand, rc.logoUrl),
    `<section class="mk-hero mk-hero--dark"><div class="mk-container mk-hero-grid"><div>${b.liveEyebrow(t(c.eyebrow))}<h1>${t(c.headline)}</h1><p class="mk-lead">${t(c.promise)}</p>${rc.image}</div>${b.formCard({ id: 'formulaire', title: t(title), text: t(c.cta_note), form })}</div></section>`,
    b.section(b.heading(t(ui.learnTitle)) + b.checklist(c.bullets.map(t)), { narrow: true }),
    sectionCards(c, 'alt'),
    faqSection(c, rc),
    commitment(c, rc),
    b.section(b.ctaBox(`<h2>${t(c.headline)}</h2><p>${t(c.cta_note)}</p>${b.linkButton(t(c.cta_label), '#formulaire', { variant: 'light', xl: true })}`), {
      tight: true,
    }),
    brandFooter(rc.lang, rc.brand),
  ];
}

function confirmationPage(c: TPageCopy, rc: TRenderContext): string[] {
  const ui = RENDER_UI[rc.lang];
  const session = webinarState('before', `<p class="mk-lead">${t(ui.sessionText)} <strong>${webinarField('starts_at')}</strong></p>`);
  return [
    brandTopbar(rc.lang, rc.brand, rc.logoUrl),
    `<section class="mk-hero mk-hero--center"><div class="mk-container mk-narrow">${b.successMark()}${b.eyebrow(t(c.eyebrow))}<h1>${t(c.headline)}</h1><p class="mk-lead">${t(c.promise)}</p>${session}</div></section>`,
    b.section(b.heading(t(ui.nextStepsTitle)) + b.checklist(c.bullets.map(t)), { variant: 'alt', narrow: true }),
    sectionCards(c),
    b.section(`<div class="mk-center">${webinarLink('watch', c.cta_label, 'outline')}${b.btnNote(t(c.cta_note))}</div>`, { narrow: true, tight: true }),
    faqSection(c, rc, 'alt'),
    brandFooter(rc.lang, rc.brand),
  ];
}

/** The webinar room: its states shown one at a time by our webinar script, the offer's next step in each. */
function replayPage(c: TPageCopy, rc: TRenderContext): string[] {
  const ui = RENDER_UI[rc.lang];
  const player = webinarVideo(rc.lang, { title: c.headline, duration: ui.videoMeta });
  const offer = `<div class="mk-cta">${b.nextStep(t(c.cta_label), { xl: true, variant: 'light' })}</div>`;
  const states = [
    webinarState('live', `${b.liveEyebrow(t(ui.live))}${player}${offer}`),
    webinarState(
      'before',
      `<p class="mk-lead">${t(ui.beforeText)} <strong>${webinarField('starts_at')}</strong></p>${webinarCountdown(rc.lang, ui.beforeCountdown)}`,
    ),
    webinarState('replay', `<p class="mk-lead">${t(ui.replayText)} <strong>${webinarField('replay_until')}</strong></p>${player}${offer}`),
    webinarState('ended', `<p class="mk-lead">${t(ui.endedText)}</p>${offer}`),
    webinarState('invalid', `<p class="mk-lead">${t(ui.invalidText)}</p><div class="mk-cta">${webinarLink('register', ui.registerButton, 'light')}</div>`),
  ];
  return [
    brandTopbar(rc.lang, rc.brand, rc.logoUrl, { icon: 'video', text: c.eyebrow }),
    `<section class="mk-hero mk-hero--dark mk-hero--center"><div class="mk-container mk-narrow">${b.eyebrow(t(c.eyebrow), 'video')}<h1>${t(c.headline)}</h1><p class="mk-lead">${t(c.promise)}</p>${states.join('')}${b.btnNote(t(c.cta_note))}</div></section>`,
    b.section(b.heading(t(ui.learnTitle)) + b.checklist(c.bullets.map(t)), { narrow: true }),
    sectionCards(c, 'alt'),
    faqSection(c, rc),
    commitment(c, rc),
    brandFooter(rc.lang, rc.brand),
  ];
}

function salesPage(c: TPageCopy, rc: TRenderContext): string[] {
  const ui = RENDER_UI[rc.lang];
  const { vars } = rc;
  const offerName = vars.topic.length <= 60 ? `${capitalize(vars.offer.the)} ${vars.topicQ}` : capitalize(vars.offer.the);
  const price = vars.free ? ui.free : vars.price;
  const trust = vars.free ? ui.freeTrust : ui.trust;
  const order = b.orderForm({
    summaryTitle: t(ui.orderTitle),
    lines: [{ label: t(offerName), value: t(price) }],
    total: { label: t(ui.total), value: t(price) },
    title: t(vars.free ? ui.freeTitle : ui.payTitle),
    text: t(vars.free ? ui.freeText : ui.payText),
    trust: (['lock', 'zap', 'mail'] as const).map((name) => ({ icon: name, text: t(trust[name]) })),
  });
  return [
    brandTopbar(rc.lang, rc.brand, rc.logoUrl),
    `<section class="mk-hero mk-hero--dark mk-hero--center"><div class="mk-container mk-narrow">${b.eyebrow(t(c.eyebrow))}<h1>${t(c.headline)}</h1><p class="mk-lead">${t(c.promise)}</p>${rc.image}<div class="mk-cta">${b.linkButton(t(c.cta_label), '#commande', { variant: 'light', xl: true })}</div></div></section>`,
    b.section(b.heading(t(ui.benefitsTitle)) + b.checklist(c.bullets.map(t)), { narrow: true }),
    sectionCards(c, 'alt'),
    b.section(b.heading(t(c.cta_label), t(c.cta_note)) + order, { variant: 'tint', id: 'commande' }),
    commitment(c, rc),
    faqSection(c, rc, 'alt'),
    b.section(b.ctaBox(`<h2>${t(c.headline)}</h2>${b.linkButton(t(c.cta_label), '#commande', { variant: 'light', xl: true })}`), { tight: true }),
    brandFooter(rc.lang, rc.brand, { terms: true }),
  ];
}

/** Upsell and downsell: one-click accept, a plain decline link. */
function offerPage(c: TPageCopy, rc: TRenderContext): string[] {
  const noun = c.role === 'upsell' ? rc.vars.upsell : rc.vars.downsell;
  const actions = b.upsellActions({ accept: t(c.cta_label), acceptNote: t(c.cta_note), decline: t(RENDER_UI[rc.lang].decline) });
  return [
    brandTopbar(rc.lang, rc.brand, rc.logoUrl),
    centerHero(c),
    b.section(
      `<div class="mk-split"><div>${b.checklist(c.bullets.map(t))}</div>${b.upsellVisual({ icon: c.role === 'upsell' ? 'award' : 'gift', title: t(capitalize(noun.the)), text: t(c.eyebrow) })}</div>`,
    ),
    sectionCards(c, 'alt'),
    b.section(actions, { narrow: true }),
    commitment(c, rc),
    faqSection(c, rc, 'alt'),
    brandFooter(rc.lang, rc.brand),
  ];
}

/** The presentation video, its call to action revealed after a while, then the reasons to watch. */
function vslPage(c: TPageCopy, rc: TRenderContext): string[] {
  const ui = RENDER_UI[rc.lang];
  const cta = b.reveal(90, `<h2>${t(c.cta_note)}</h2><div class="mk-cta">${b.nextStep(t(c.cta_label), { xl: true, variant: 'light' })}</div>`);
  return [
    brandTopbar(rc.lang, rc.brand, rc.logoUrl),
    `<section class="mk-hero mk-hero--dark mk-hero--center"><div class="mk-container mk-narrow">${b.eyebrow(t(c.eyebrow), 'video')}<h1>${t(c.headline)}</h1>${emptyVideo(rc.lang, { title: c.name, duration: ui.videoMeta })}<p class="mk-lead">${t(c.promise)}</p>${cta}</div></section>`,
    b.section(b.heading(t(ui.learnTitle)) + b.checklist(c.bullets.map(t)), { narrow: true }),
    sectionCards(c, 'alt'),
    faqSection(c, rc),
    next(c, rc),
    brandFooter(rc.lang, rc.brand),
  ];
}

/** After an action: what happens now, what to do next (and the next page's button when there is one). */
function reassurancePage(c: TPageCopy, rc: TRenderContext): string[] {
  const ui = RENDER_UI[rc.lang];
  return [
    brandTopbar(rc.lang, rc.brand, rc.logoUrl),
    centerHero(c, b.successMark()),
    b.section(b.heading(t(ui.nextStepsTitle)) + b.checklist(c.bullets.map(t)), { variant: 'alt', narrow: true }),
    next(c, rc),
    sectionCards(c),
    faqSection(c, rc, 'alt'),
    b.section(b.noteBox('chat', t(c.guarantee)), { narrow: true, tight: true }),
    brandFooter(rc.lang, rc.brand),
  ];
}

const BODIES: Record<TPageCopy['role'], (c: TPageCopy, rc: TRenderContext) => string[]> = {
  registration: formPage,
  optin: formPage,
  application: formPage,
  confirmation: confirmationPage,
  replay: replayPage,
  vsl: vslPage,
  sales: salesPage,
  upsell: offerPage,
  downsell: offerPage,
  thank_you: reassurancePage,
  member_welcome: reassurancePage,
};
