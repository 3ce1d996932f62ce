import { createTheme, localStorageColorSchemeManager, PasswordInput, TextInput } from '@mantine/core';

// Required fields carry the `required` attribute (announced by screen readers) without a " *"
// appended to the label, so labels stay exactly "Nom", "E-mail"... for people and for tests.
const noAsterisk = { defaultProps: { withAsterisk: false } };

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    TextInput: TextInput.extend(noAsterisk),
    PasswordInput: PasswordInput.extend(noAsterisk),
  },
});

/** The light/dark/auto choice survives reloads. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'mk-color-scheme' });
