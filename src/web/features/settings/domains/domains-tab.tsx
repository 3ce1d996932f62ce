import { Alert, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TitledSection } from '../../../ui/titled-section.js';
import { isAdmin, useSignedInMe } from '../../auth/session.js';
import { DomainForm } from './domain-form.js';
import { DomainsTable } from './domains-table.js';

/** /settings/domains: the host names published pages are served on. Everyone sees them; admins add and remove. */
export function DomainsTab() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canEdit = isAdmin(me.role);
  const inputRef = useRef<HTMLInputElement>(null);
  const focusForm = () => {
    inputRef.current?.scrollIntoView({ block: 'center' });
    inputRef.current?.focus();
  };
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Text>{t('settings.domains.intro')}</Text>
        <Text size="sm" c="dimmed">
          {t('settings.domains.dns')}
        </Text>
      </Stack>
      {canEdit ? (
        <TitledSection id="new-domain-title" title={t('settings.domains.addTitle')}>
          <DomainForm inputRef={inputRef} />
        </TitledSection>
      ) : (
        <Alert color="gray">{t('settings.domains.readOnly')}</Alert>
      )}
      <TitledSection id="domains-title" title={t('settings.domains.list')}>
        <DomainsTable canEdit={canEdit} onAdd={focusForm} />
      </TitledSection>
    </Stack>
  );
}
