import { Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TitledSection } from '../../../ui/titled-section.js';
import { AdminOnly } from '../admin-only.js';
import { WebhookForm } from './webhook-form.js';
import { WebhookSecretModal, type TWebhookWithSecret } from './webhook-secret-modal.js';
import { WebhooksTable } from './webhooks-table.js';

/**
 * /settings/webhooks: subscribe a URL to events (secret shown once), list, switch off, log, rotate, delete.
 * Admins only, as the API: URLs often carry tokens and the log shows what was sent where.
 */
export function WebhooksTab() {
  const { t } = useTranslation();
  const [secret, setSecret] = useState<TWebhookWithSecret | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const focusForm = () => {
    urlRef.current?.scrollIntoView({ block: 'center' });
    urlRef.current?.focus();
  };
  return (
    <AdminOnly>
      <Stack gap="xl">
        <Stack gap="xs">
          <Text>{t('settings.webhooks.intro')}</Text>
          <Text size="sm" c="dimmed">
            {t('settings.webhooks.signing')}
          </Text>
        </Stack>
        <TitledSection id="new-webhook-title" title={t('settings.webhooks.createTitle')}>
          <WebhookForm onCreated={setSecret} urlRef={urlRef} />
        </TitledSection>
        <TitledSection id="webhooks-title" title={t('settings.webhooks.list')}>
          <WebhooksTable onAdd={focusForm} onSecret={setSecret} />
        </TitledSection>
      </Stack>
      <WebhookSecretModal shown={secret} onClose={() => setSecret(null)} />
    </AdminOnly>
  );
}
