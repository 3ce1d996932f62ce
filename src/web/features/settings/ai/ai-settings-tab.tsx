import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CardSection } from '../../../ui/card-section.js';
import { QueryState } from '../../../ui/query-state.js';
import { isAdmin, useSignedInMe } from '../../auth/session.js';
import { useBrandKit } from './ai-api.js';
import { AiProviderForm } from './ai-provider-form.js';
import { AiStatusCard } from './ai-status-card.js';
import { BrandKitForm } from './brand-kit-form.js';

const PROVIDER_ANCHOR = 'ai-provider';

/**
 * /settings/ai ("IA et marque"): which writer generations use and this month's usage, the brand kit every generation
 * starts from, and (admins) the workspace's own model provider.
 */
export function AiSettingsTab() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const admin = isAdmin(me.role);
  const kit = useBrandKit();
  return (
    <Stack gap="lg" maw={860}>
      <AiStatusCard providerAnchor={admin ? PROVIDER_ANCHOR : null} />
      <CardSection title={t('aiSettings.brand.title')}>
        <QueryState query={kit}>{(data) => <BrandKitForm kit={data} canEdit={me.role !== 'viewer'} />}</QueryState>
      </CardSection>
      {admin && (
        <div id={PROVIDER_ANCHOR} style={{ scrollMarginTop: 80 }}>
          <CardSection title={t('aiSettings.provider.title')}>
            <AiProviderForm />
          </CardSection>
        </div>
      )}
    </Stack>
  );
}
