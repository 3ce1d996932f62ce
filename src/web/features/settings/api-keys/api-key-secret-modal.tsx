import { useTranslation } from 'react-i18next';
import type { TApiKeyCreated } from '../../../../contracts/workspaces.js';
import { SecretOnceModal } from '../../../ui/secret-once-modal.js';

type Props = { created: TApiKeyCreated | null; onClose: () => void };

/** Shows a new key's secret, the only time the server ever returns it. */
export function ApiKeySecretModal({ created, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <SecretOnceModal
      secret={created?.key ?? null}
      onClose={onClose}
      title={t('settings.apiKeys.secretTitle')}
      owner={created?.name ?? ''}
      usage={t('settings.apiKeys.secretUsage')}
      labels={{
        warning: t('settings.apiKeys.secretWarning'),
        copy: t('settings.apiKeys.copy'),
        copied: t('settings.apiKeys.copied'),
        done: t('settings.apiKeys.done'),
      }}
      testId="api-key-secret"
    />
  );
}
