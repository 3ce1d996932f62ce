import { useMantineTheme, type MantineColor } from '@mantine/core';

// Series colours are theme colour names ("teal.6"), never hex: Mantine resolves them to CSS
// variables, so a theme change (the primary palette, dark mode) reaches every chart.
const SERIES = ['teal', 'orange', 'grape', 'cyan', 'pink', 'yellow', 'lime'] as const;

/** The charts' palette: the theme's primary colour first, then fixed companions, shade 6. */
export function useChartColors(): MantineColor[] {
  const theme = useMantineTheme();
  return [theme.primaryColor, ...SERIES].map((name) => `${name}.6`);
}
