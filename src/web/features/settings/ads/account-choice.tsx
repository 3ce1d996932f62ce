import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDetail, notifyError } from '../../../lib/errors.js';
import { CardSection } from '../../../ui/card-section.js';
import { Loading } from '../../../ui/query-state.js';
import { useChooseAccount, usePendingConnection } from './ad-connections-api.js';

/**
 * Back from the platform's consent (`?connect=<id>`): the ad accounts it gave access to, one to pick. The pending
 * consent expires on the server: an old link says so instead of failing silently.
 */
export function AccountChoice({ pendingId, onDone }: { pendingId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const pending = usePendingConnection(pendingId);
  const choose = useChooseAccount();
  const [accountId, setAccountId] = useState<string | null>(null);
  if (pending.isPending) return <Loading />;
  if (pending.isError) {
    return (
      <Alert color="red" title={t('adsSettings.choice.expired')} withCloseButton closeButtonLabel={t('common.close')} onClose={onDone}>
        {errorDetail(pending.error, t)}
      </Alert>
    );
  }
  const { network, accounts } = pending.data;
  const name = t(`ads.networks.${network}`);
  return (
    <CardSection title={t('adsSettings.choice.title', { network: name })}>
      {accounts.length === 0 ? (
        <Text size="sm">{t('adsSettings.choice.none', { network: name })}</Text>
      ) : (
        <Radio.Group value={accountId} onChange={setAccountId} label={t('adsSettings.choice.label')}>
          <Stack gap="xs" mt="xs">
            {accounts.map((account) => (
              <Radio
                key={account.id}
                value={account.id}
                label={`${account.name ?? account.id}${account.currency ? ` · ${account.currency}` : ''}`}
                description={account.connected ? t('adsSettings.choice.alreadyConnected', { id: account.id }) : account.id}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          disabled={!accountId}
          loading={choose.isPending}
          onClick={() =>
            accountId &&
            choose.mutate(
              { pendingId, accountId },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('adsSettings.choice.connected', { network: name }) });
                  onDone();
                },
                onError: (error) => notifyError(error, t),
              },
            )
          }
        >
          {t('adsSettings.choice.submit')}
        </Button>
      </Group>
    </CardSection>
  );
}
