import type { MantineColor } from '@mantine/core';
import type { TLeadStatus } from '../../../../contracts/crm.js';

/**
 * One theme colour per stage (column border, count badge, picker): cold to warm along the pipeline,
 * green for won and red for lost. Theme names, not hex values, so the theme's contrast-checked shades apply.
 */
export const STAGE_COLORS: Record<TLeadStatus, MantineColor> = {
  new: 'gray',
  contacted: 'blue',
  qualified: 'cyan',
  proposal: 'violet',
  negotiation: 'orange',
  won: 'green',
  lost: 'red',
};
