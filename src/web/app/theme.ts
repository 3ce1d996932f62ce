import {
  Anchor,
  createTheme,
  DEFAULT_THEME,
  localStorageColorSchemeManager,
  Drawer,
  Modal,
  Notification,
  NumberInput,
  PasswordInput,
  TextInput,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';
import { adjustUntil, contrastRatio } from '../ui/contrast.js';

/*
 * Colour tokens: every text and control reaches WCAG AA (4.5:1 for text, 3:1 for focus rings) in light and dark.
 * Mantine's defaults do not: grey "dimmed" text #868e96 is 3.3:1 on white, indigo-6 #4c6ef5 is 4.3:1 under white
 * text, a yellow "light" badge (yellow-9 on yellow-1) is 2.7:1, dimmed dark-2 on dark-7 is 4.0:1.
 * So, derived from Mantine's palettes at start-up (not hand-picked hexes that drift):
 * - shade 8 is the filled shade in both schemes (buttons, filled badges) and the text shade in light (`c="red"`,
 *   links): darkened until white text on it, and it on white, reach 5:1 (indigo-8 #3b5bdb 5.7:1, red-8 #cf2d2d 5.2:1,
 *   yellow-8 #a25f00 5.0:1);
 * - shade 9 is the text of light badges/alerts on shade 1 (2 when hovered): darkened until 4.6:1 on shade 2
 *   (the "Bientôt disponible" badge: yellow-9 #a15300 on yellow-1, 5.0:1 instead of 2.7:1);
 * - shade 4 is the text shade in dark (`c="red"`, links): lightened until 4.6:1 on dark-6 #2e2e2e, the lightest
 *   surface (indigo-4 #7792fc 4.7:1);
 * - dimmed text: #5f666d in light (5.8:1 on white, 5.5:1 on gray-0), dark-1 #b8b8b8 in dark (6.9:1 on dark-6);
 * - errors: red-8 in light, red-4 in dark; the focus ring: shade 8 in light, shade 4 in dark (over 3:1 both).
 * `src/web/app/theme.test.ts` resolves Mantine's CSS variables for this theme and checks every pair above.
 */

const WHITE = '#ffffff';
const DARK_SURFACE = DEFAULT_THEME.colors.dark[6]; // inputs, hovered rows: the lightest dark background text sits on
/** Hues whose shades are text or filled backgrounds; "dark" and "gray" are the neutral surfaces and stay Mantine's. */
const HUES = ['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;

export const DIMMED_LIGHT = '#5f666d';
export const DIMMED_DARK = DEFAULT_THEME.colors.dark[1];

/** A Mantine palette whose text and filled shades pass AA (see above); light shades 0–3 stay as they are. */
function accessiblePalette(palette: MantineColorsTuple): MantineColorsTuple {
  const shades = [...palette];
  const hovered = shades[2] ?? WHITE; // light variant when hovered, darker than its resting shade 1
  shades[8] = adjustUntil(shades[8] ?? '#000000', '#000000', (c) => contrastRatio(WHITE, c) >= 5);
  shades[9] = adjustUntil(shades[9] ?? '#000000', '#000000', (c) => contrastRatio(c, hovered) >= 4.6 && contrastRatio(WHITE, c) >= 5);
  shades[4] = adjustUntil(shades[4] ?? WHITE, WHITE, (c) => contrastRatio(c, DARK_SURFACE) >= 4.6);
  return shades as unknown as MantineColorsTuple;
}

const colors = Object.fromEntries(HUES.map((hue) => [hue, accessiblePalette(DEFAULT_THEME.colors[hue])]));

// Required fields carry the `required` attribute (announced by screen readers) without a " *"
// appended to the label, so labels stay exactly "Nom", "E-mail"... for people and for tests.
const noAsterisk = { defaultProps: { withAsterisk: false } };

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  colors,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    TextInput: TextInput.extend(noAsterisk),
    PasswordInput: PasswordInput.extend(noAsterisk),
    // A link inside a sentence must not be told apart by colour alone (axe: link-in-text-block, WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

/** Dimmed text, placeholders, errors and the focus ring, per scheme (the values checked by theme.test.ts). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': DIMMED_LIGHT,
    '--mantine-color-placeholder': DIMMED_LIGHT,
    // Disabled controls stay readable (axe flags a disabled link-button, which has no real `disabled`): 4.9:1 on gray-2.
    '--mantine-color-disabled-color': DIMMED_LIGHT,
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-anchor': 'var(--mantine-primary-color-8)',
    '--app-focus-ring': 'var(--mantine-primary-color-8)',
  },
  dark: {
    '--mantine-color-dimmed': DIMMED_DARK,
    '--mantine-color-placeholder': DIMMED_DARK,
    '--mantine-color-disabled-color': DIMMED_DARK,
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-anchor': 'var(--mantine-primary-color-4)',
    '--app-focus-ring': 'var(--mantine-primary-color-4)',
  },
});

/** The light/dark/auto choice survives reloads. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'mk-color-scheme' });

/**
 * The theme with the interface language's words: every modal, drawer and notification close button gets an
 * accessible name (axe "button-name", critical, on every modal before), set once here rather than per modal.
 */
export function localizedTheme(closeLabel: string, language: string) {
  const closeButtonProps = { 'aria-label': closeLabel };
  // Mantine's NumberInput (segment values, custom fields, thresholds) reads and shows numbers the language's way:
  // "12 500,5" in French (a typed "." still counts as the decimal mark). Amounts use MoneyField (ui/number-field.tsx).
  const numberSeparators = language.startsWith('fr')
    ? { decimalSeparator: ',', thousandSeparator: '\u202f' }
    : { decimalSeparator: '.', thousandSeparator: ',' };
  return createTheme({
    ...theme,
    components: {
      ...theme.components,
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      NumberInput: NumberInput.extend({ defaultProps: numberSeparators }),
    },
  });
}
