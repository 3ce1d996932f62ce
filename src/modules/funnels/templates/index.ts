import { LEAD_MAGNET_TEMPLATES } from './lead-magnet.js';
import { MEMBERSHIP_TEMPLATES } from './membership.js';
import { PRODUCT_TEMPLATES } from './product.js';
import { SERVICE_TEMPLATES } from './service.js';
import type { TFunnelTemplateDefinition } from './template-types.js';
import { WEBINAR_TEMPLATES } from './webinar.js';

export type { TFunnelTemplateDefinition, TTemplatePage } from './template-types.js';

/**
 * The funnel templates that ship with the product: one complete funnel per funnel type, in French and in English
 * (ids `<type>-<language>`, e.g. `lead-magnet-fr`), in the order of FUNNEL_TYPES, French first.
 */
export const BUILT_IN_TEMPLATES: TFunnelTemplateDefinition[] = [
  ...WEBINAR_TEMPLATES,
  ...PRODUCT_TEMPLATES,
  ...SERVICE_TEMPLATES,
  ...LEAD_MAGNET_TEMPLATES,
  ...MEMBERSHIP_TEMPLATES,
];

const BY_ID = new Map(BUILT_IN_TEMPLATES.map((template) => [template.id, template]));

/** A built-in template by its id (`webinar-fr`…), or undefined when there is none. */
export function builtInTemplate(id: string): TFunnelTemplateDefinition | undefined {
  return BY_ID.get(id);
}
