import { useTranslation } from 'react-i18next';
import type { TWebhookEndpoint } from '../../../../contracts/webhooks.js';
import { SecretOnceModal } from '../../../ui/secret-once-modal.js';

/** What creation and rotation answer (ZWebhookEndpointWithSecret): the webhook and its secret. */
export type TWebhookWithSecret = TWebhookEndpoint & { secret: string };

type Props = { shown: TWebhookWithSecret | null; onClose: () => void };

/** A webhook's signing secret, the only time the server returns it (at creation and on rotation). */
export function WebhookSecretModal({ shown, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <SecretOnceModal
      secret={shown?.secret ?? null}
      onClose={onClose}
      title={t('settings.webhooks.secretTitle')}
      owner={shown?.url ?? ''}
      usage={t('settings.webhooks.signing')}
      labels={{
        warning: t('settings.webhooks.secretWarning'),
        copy: t('settings.webhooks.copy'),
        copied: t('settings.webhooks.copied'),
        done: t('settings.webhooks.done'),
      }}
      testId="webhook-secret"
    />
  );
}
