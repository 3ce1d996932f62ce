import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TApiKeyCreated } from '../../../../contracts/workspaces.js';
import { AdminOnly } from '../admin-only.js';
import { ApiKeyForm } from './api-key-form.js';
import { ApiKeySecretModal } from './api-key-secret-modal.js';
import { ApiKeysTable } from './api-keys-table.js';

/** /settings/api-keys: create (secret shown once), list, revoke. */
export function ApiKeysTab() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<TApiKeyCreated | null>(null);
  return (
    <AdminOnly>
      <Stack gap="xl">
        <Text>{t('settings.apiKeys.intro')}</Text>
        <Stack component="section" aria-labelledby="new-key-title">
          <Title order={2} size="h3" id="new-key-title">
            {t('settings.apiKeys.createTitle')}
          </Title>
          <ApiKeyForm onCreated={setCreated} />
        </Stack>
        <Stack component="section" aria-labelledby="keys-title">
          <Title order={2} size="h3" id="keys-title">
            {t('settings.apiKeys.list')}
          </Title>
          <ApiKeysTable />
        </Stack>
      </Stack>
      <ApiKeySecretModal created={created} onClose={() => setCreated(null)} />
    </AdminOnly>
  );
}
