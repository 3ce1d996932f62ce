import { DEFAULT_THEME, defaultCssVariablesResolver, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../ui/contrast.js';
import { cssVariablesResolver, localizedTheme } from './theme.js';

// The CSS variables Mantine writes for our theme, resolved to colours, per scheme: what the browser paints.
const merged = mergeMantineTheme(DEFAULT_THEME, localizedTheme('Fermer', 'fr'));
function variables(scheme: 'light' | 'dark'): (name: string) => string {
  const base = defaultCssVariablesResolver(merged);
  const ours = cssVariablesResolver(merged);
  const all: Record<string, string> = { ...base.variables, ...base[scheme], ...ours.variables, ...ours[scheme] };
  const resolve = (value: string): string => value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => resolve(all[name] ?? `missing ${name}`));
  return (name) => resolve(`var(${name})`);
}

const HUES = ['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'];

/** Every failing pair, named, so a regression says which token broke. */
function failures(pairs: [string, string, string, number][]): string[] {
  return pairs
    .filter(([, fg, bg, min]) => contrastRatio(fg, bg) < min)
    .map(([what, fg, bg, min]) => `${what}: ${fg} on ${bg} = ${contrastRatio(fg, bg).toFixed(2)} < ${min}`);
}

/** Text tokens, the focus ring and every hue's text colour on each surface (pairs of colour, surface and ratio). */
function textOnSurfaces(v: (name: string) => string, surfaces: string[]): [string, string, string, number][] {
  const pairs: [string, string, string, number][] = [];
  for (const surface of surfaces) {
    for (const token of ['--mantine-color-dimmed', '--mantine-color-anchor', '--mantine-color-error', '--mantine-color-placeholder', '--mantine-color-text']) {
      pairs.push([token, v(token), surface, 4.5]);
    }
    pairs.push(['focus ring', v('--app-focus-ring'), surface, 3]);
    for (const hue of HUES) pairs.push([`${hue} text`, v(`--mantine-color-${hue}-text`), surface, 4.5]);
  }
  return pairs;
}

describe('theme colour tokens (WCAG AA)', () => {
  it('light: dimmed text, links, errors, placeholders, every hue as text, filled and light variants reach 4.5:1', () => {
    const v = variables('light');
    const surfaces = [v('--mantine-color-body'), v('--mantine-color-gray-0')];
    const pairs = textOnSurfaces(v, surfaces);
    for (const hue of HUES) {
      pairs.push([`white on ${hue} filled`, v('--mantine-color-white'), v(`--mantine-color-${hue}-filled`), 4.5]);
      pairs.push([`white on ${hue} filled hover`, v('--mantine-color-white'), v(`--mantine-color-${hue}-filled-hover`), 4.5]);
      pairs.push([`${hue} light variant`, v(`--mantine-color-${hue}-light-color`), v(`--mantine-color-${hue}-light`), 4.5]);
      pairs.push([`${hue} light variant hovered`, v(`--mantine-color-${hue}-light-color`), v(`--mantine-color-${hue}-light-hover`), 4.5]);
      pairs.push([`${hue} outline`, v(`--mantine-color-${hue}-outline`), v('--mantine-color-body'), 4.5]);
    }
    pairs.push(['primary contrast on primary', v('--mantine-primary-color-contrast'), v('--mantine-primary-color-filled'), 4.5]);
    pairs.push(['disabled control', v('--mantine-color-disabled-color'), v('--mantine-color-disabled'), 4.5]);
    expect(failures(pairs)).toEqual([]);
  });

  it('dark: the same tokens on the dark surfaces', () => {
    const v = variables('dark');
    const surfaces = [v('--mantine-color-body'), v('--mantine-color-default'), v('--mantine-color-dark-6')];
    const pairs = textOnSurfaces(v, surfaces);
    for (const hue of HUES) {
      pairs.push([`white on ${hue} filled`, v('--mantine-color-white'), v(`--mantine-color-${hue}-filled`), 4.5]);
      pairs.push([`${hue} light variant`, v(`--mantine-color-${hue}-light-color`), v(`--mantine-color-${hue}-light`), 4.5]);
      pairs.push([`${hue} outline`, v(`--mantine-color-${hue}-outline`), v('--mantine-color-body'), 4.5]);
    }
    pairs.push(['primary contrast on primary', v('--mantine-primary-color-contrast'), v('--mantine-primary-color-filled'), 4.5]);
    pairs.push(['disabled control', v('--mantine-color-disabled-color'), v('--mantine-color-disabled'), 4.5]);
    expect(failures(pairs)).toEqual([]);
  });

  it("fails on Mantine's defaults (the check can fail)", () => {
    expect(contrastRatio('#868e96', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#ffffff', '#4c6ef5')).toBeLessThan(4.5);
    expect(contrastRatio(DEFAULT_THEME.colors.yellow[9], DEFAULT_THEME.colors.yellow[1])).toBeLessThan(3);
  });

  it('reads numbers the French way in every NumberInput', () => {
    expect(merged.components.NumberInput?.defaultProps).toMatchObject({ decimalSeparator: ',', thousandSeparator: '\u202f' });
  });

  it('names the close button of modals, drawers and notifications', () => {
    for (const component of ['Modal', 'Drawer', 'Notification']) {
      expect(merged.components[component]?.defaultProps).toMatchObject({ closeButtonProps: { 'aria-label': 'Fermer' } });
    }
  });
});
