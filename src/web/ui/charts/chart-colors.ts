import { useMantineTheme, type MantineColor } from '@mantine/core';

// Series colours are theme colour names ("teal.7"), never hex: Mantine resolves them to CSS
// variables, so a theme change (the primary palette, dark mode) reaches every chart. Shade 7
// keeps marks distinguishable from both backgrounds; yellow and lime are left out (too light on
// white). Colour never carries a value alone: each chart lists its values in a hidden table.
const SERIES = ['teal', 'orange', 'grape', 'cyan', 'pink'] as const;

/** The charts' palette: the theme's primary colour first, then fixed companions. */
export function useChartColors(): MantineColor[] {
  const theme = useMantineTheme();
  return [theme.primaryColor, ...SERIES].map((name) => `${name}.7`);
}
