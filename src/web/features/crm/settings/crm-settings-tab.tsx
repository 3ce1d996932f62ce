import { Alert, Divider, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../auth/session.js';
import { CustomFieldsSection } from './custom-fields-section.js';
import { RoundRobinSection } from './round-robin-section.js';
import { ScoringSection } from './scoring-section.js';
import { StageProbabilitiesSection } from './stage-probabilities-section.js';

/** The CRM's "Paramètres" tab: scoring, win probabilities, round-robin assignment and custom fields. Viewers read only. */
export function CrmSettingsTab() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canEdit = me.role !== 'viewer';
  // Custom field definitions are an administrator's change (they reshape every lead).
  const canEditFields = me.role === 'owner' || me.role === 'admin';
  return (
    <Stack gap="xl">
      {!canEdit && <Alert color="gray">{t('crmSettings.readOnly')}</Alert>}
      <ScoringSection canEdit={canEdit} />
      <Divider />
      <StageProbabilitiesSection canEdit={canEdit} />
      <Divider />
      <RoundRobinSection canEdit={canEdit} />
      <Divider />
      <CustomFieldsSection canEdit={canEditFields} />
    </Stack>
  );
}
