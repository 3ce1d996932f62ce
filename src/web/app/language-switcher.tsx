import { NativeSelect } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../lib/api.js';
import { notifyError } from '../lib/errors.js';
import { ME_KEY, useMe } from '../features/auth/session.js';
import { SUPPORTED_LANGUAGES, type TLanguage } from '../i18n/resources.js';
import { currentLanguage } from './i18n.js';

// Each language is named in itself, so a user lost in the wrong language can still find theirs.
export const LANGUAGE_NAMES: Record<TLanguage, string> = { fr: 'Français', en: 'English' };

/** Switches the interface language; when signed in, also saves it as the account's language (used for mails). */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const save = useMutation({
    mutationFn: (locale: TLanguage) => api.patch('/api/auth/profile', { locale }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
    onError: (error) => notifyError(error, t),
  });

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const language = SUPPORTED_LANGUAGES.find((l) => l === event.currentTarget.value) ?? 'fr';
    void i18n.changeLanguage(language);
    if (me?.user && me.user.locale !== language) save.mutate(language);
  };

  return (
    <NativeSelect
      aria-label={t('header.language')}
      value={currentLanguage(i18n.resolvedLanguage)}
      onChange={onChange}
      data={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      leftSection={<IconLanguage size={16} aria-hidden />}
      size="sm"
      w={{ base: 128, sm: 136 }}
    />
  );
}
