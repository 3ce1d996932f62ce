import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TApiKeyCreated } from '../../../../contracts/workspaces.js';
import { AdminOnly } from '../admin-only.js';
import { ApiKeyForm } from './api-key-form.js';
import { ApiKeySecretModal } from './api-key-secret-modal.js';
import { ApiKeysTable } from './api-keys-table.js';
import { TitledSection } from '../../../ui/titled-section.js';

/** /settings/api-keys: create (secret shown once), list, revoke. */
export function ApiKeysTab() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<TApiKeyCreated | null>(null);
  return (
    <AdminOnly>
      <Stack gap="xl">
        <Text>{t('settings.apiKeys.intro')}</Text>
        <Text size="sm" c="dimmed">
          {t('settings.apiKeys.creatorHelp')}
        </Text>
        <TitledSection id="new-key-title" title={t('settings.apiKeys.createTitle')}>
          <ApiKeyForm onCreated={setCreated} />
        </TitledSection>
        <TitledSection id="keys-title" title={t('settings.apiKeys.list')}>
          <ApiKeysTable />
        </TitledSection>
      </Stack>
      <ApiKeySecretModal created={created} onClose={() => setCreated(null)} />
    </AdminOnly>
  );
}
