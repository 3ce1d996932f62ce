import { Alert, Stack, Text } from '@mantine/core';
import { AD_NETWORKS } from '../../../../contracts/ads.js';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { TitledSection } from '../../../ui/titled-section.js';
import { isAdmin, useSignedInMe } from '../../auth/session.js';
import { AccountChoice } from './account-choice.js';
import { useAdConnections } from './ad-connections-api.js';
import { ConnectionCard } from './connection-card.js';
import { NetworkSetup } from './network-setup.js';

const CONNECT_ERRORS = ['state_invalid', 'denied', 'not_configured', 'platform_error'] as const;

/**
 * /settings/ads: the ad accounts connected to Meta, Google and LinkedIn (their figures synced every day, pause and
 * resume from /ads), each network's setup, and the account choice after the platform's consent (`?connect=<id>`).
 * Everyone sees the connections; admins connect, sync, link and delete.
 */
export function AdsSettingsTab() {
  const { t } = useTranslation();
  const admin = isAdmin(useSignedInMe().role);
  const [params, setParams] = useSearchParams();
  const pendingId = params.get('connect');
  // The OAuth callback comes back with `connect_error` when the consent failed (see connections.routes.ts).
  const connectError = CONNECT_ERRORS.find((code) => code === params.get('connect_error'));
  const errorNetwork = AD_NETWORKS.find((network) => network === params.get('network'));
  const connections = useAdConnections();
  return (
    <Stack gap="lg" maw={1100}>
      <Text>{t('adsSettings.intro')}</Text>
      {connectError && (
        <Alert
          color="red"
          title={t('adsSettings.connectErrors.title')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setParams({}, { replace: true })}
        >
          {t(`adsSettings.connectErrors.${connectError}`, { network: errorNetwork ? t(`ads.networks.${errorNetwork}`) : '' })}
        </Alert>
      )}
      {pendingId && admin && <AccountChoice pendingId={pendingId} onDone={() => setParams({}, { replace: true })} />}
      <QueryState query={connections}>
        {({ items, networks }) => (
          <>
            <TitledSection id="ad-connections" title={t('adsSettings.connectionsTitle')}>
              {items.length === 0 ? (
                <EmptyState compact message={t('adsSettings.none')} />
              ) : (
                <Stack gap="md">
                  {items.map((connection) => (
                    <ConnectionCard key={connection.id} connection={connection} canEdit={admin} />
                  ))}
                </Stack>
              )}
            </TitledSection>
            <TitledSection id="ad-networks" title={t('adsSettings.networksTitle')}>
              {!admin && (
                <Text size="sm" c="dimmed">
                  {t('adsSettings.adminsConnect')}
                </Text>
              )}
              <NetworkSetup networks={networks} canConnect={admin} />
            </TitledSection>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
