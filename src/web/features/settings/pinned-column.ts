import type { CSSProperties } from 'react';

/**
 * The first column of a settings table stays in place when the table scrolls sideways (a phone): it names the
 * row the other cells belong to. Theme colours, so light and dark both keep their contrast.
 */
export const PINNED_COLUMN: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  boxShadow: '1px 0 0 var(--mantine-color-default-border)',
};
