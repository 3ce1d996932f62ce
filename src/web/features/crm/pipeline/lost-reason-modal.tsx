import { Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLead } from '../../../../contracts/crm.js';
import { leadName } from '../crm-api.js';
import { FormActions } from '../../../ui/form-actions.js';

type Props = { lead: TLead | null; onCancel: () => void; onConfirm: (reason: string) => void };

/** Asks why a lead was lost before moving it to "Perdu". */
export function LostReasonModal({ lead, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened={lead !== null} onClose={onCancel} title={t('crmBoard.lost.title', { name: lead ? leadName(lead) : '' })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(reason.trim());
          setReason('');
        }}
      >
        <Stack>
          <TextInput label={t('crmBoard.lost.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-autofocus />
          <FormActions onCancel={onCancel} submitLabel={t('crmBoard.lost.confirm')} color="red" />
        </Stack>
      </form>
    </Modal>
  );
}
