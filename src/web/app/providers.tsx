import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './global.css';
import { replaceNativeValidationBubbles } from './native-validation.js';
import { queryClient } from './query-client.js';
import { colorSchemeManager, cssVariablesResolver, localizedTheme } from './theme.js';

/** Theme, color scheme, server state and notifications for the whole app. */
export function Providers({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const theme = useMemo(() => localizedTheme(t('common.close'), language), [t, language]);
  useEffect(() => replaceNativeValidationBubbles(t), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <QueryClientProvider client={queryClient}>
        {/* Bottom corner: never covers the header's controls. */}
        <Notifications position="bottom-right" />
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
