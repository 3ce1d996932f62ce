import { Anchor, Drawer, Group } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { DirtyProvider, useDirtyRegistry } from './dirty-guard.js';
import { LeadRecord } from './lead-record.js';
import { useLeadDrawer } from './use-lead-drawer.js';

/**
 * The lead record over /crm (`?lead=<id>`), full screen on a phone. Closing it (Esc, ✕, a click outside)
 * with a field or a note still being typed asks first: nothing typed is thrown away silently.
 */
export function LeadDrawer() {
  const { t } = useTranslation();
  const { leadId, close } = useLeadDrawer();
  const phone = useMediaQuery('(max-width: 48em)');
  const registry = useDirtyRegistry();
  const [confirming, setConfirming] = useState(false);
  // The question opens once the Esc that asked for it is over: mounted during that keydown (a slow machine
  // renders in between its listeners), the dialog's own window listener got the same Esc and closed it at once.
  const requestClose = () => (registry.any() ? window.setTimeout(() => setConfirming(true), 0) : close());
  return (
    <>
      <Drawer
        opened={leadId !== null}
        onClose={requestClose}
        position="right"
        size={phone ? '100%' : '72rem'}
        title={
          <Group gap="sm">
            {t('crmContacts.drawer.title')}
            {leadId && (
              <Anchor component={Link} to={`/crm/leads/${leadId}`} size="sm">
                {t('crmRecord.openPage')}
              </Anchor>
            )}
          </Group>
        }
        closeButtonProps={{ 'aria-label': t('crmContacts.drawer.close') }}
      >
        <DirtyProvider registry={registry}>{leadId && <LeadRecord key={leadId} leadId={leadId} onDeleted={close} />}</DirtyProvider>
      </Drawer>
      <ConfirmModal
        opened={confirming}
        title={t('crmRecord.leaveTitle')}
        confirmLabel={t('crmRecord.discard')}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          close();
        }}
      >
        {t('crmRecord.leaveBody')}
      </ConfirmModal>
    </>
  );
}
