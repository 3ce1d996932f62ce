import { Anchor, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { DirtyProvider, useDirtyRegistry } from './dirty-guard.js';
import { LeadRecord } from './lead-record.js';

/** /crm/leads/:id: the lead record as a page of its own (a link to share, the phone's natural view). */
export function LeadRecordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const registry = useDirtyRegistry();
  // Leaving the page with a field or a note still being typed asks first.
  const blocker = useBlocker(useCallback(() => registry.any(), [registry]));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/crm?tab=contacts" size="sm">
        <IconArrowLeft size={14} style={{ verticalAlign: 'middle' }} /> {t('crmRecord.back')}
      </Anchor>
      <DirtyProvider registry={registry}>
        <LeadRecord key={id} leadId={id} onDeleted={() => void navigate('/crm?tab=contacts')} />
      </DirtyProvider>
      <ConfirmModal
        opened={blocker.state === 'blocked'}
        title={t('crmRecord.leaveTitle')}
        confirmLabel={t('crmRecord.discard')}
        onClose={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
      >
        {t('crmRecord.leaveBody')}
      </ConfirmModal>
    </Stack>
  );
}
