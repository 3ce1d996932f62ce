import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEnrollment } from '../../../../contracts/email-sequences.js';
import { api } from '../../../lib/api.js';
import { FormActions } from '../../../ui/form-actions.js';
import { FormError } from '../../../ui/form-error.js';
import { LeadSelect } from '../editor/lead-select.js';
import { enrollmentsKey, SEQUENCES_KEY, SEQUENCES_PATH } from './sequences-api.js';

type Props = { sequenceId: string; opened: boolean; onClose: () => void };

/** "Inscrire un contact": a lead found by name, email or company enters the sequence at its first step. */
export function EnrollLeadModal({ sequenceId, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [leadId, setLeadId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const enroll = useMutation({
    mutationFn: (lead_id: string) => api.post<TEnrollment>(`${SEQUENCES_PATH}/${sequenceId}/enrollments`, { lead_id }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('email.sequences.enrollments.enrolled') });
      close();
      await queryClient.invalidateQueries({ queryKey: enrollmentsKey(sequenceId) });
      await queryClient.invalidateQueries({ queryKey: SEQUENCES_KEY });
    },
  });
  const close = () => {
    setLeadId(null);
    setMissing(false);
    enroll.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('email.sequences.enrollments.enrollTitle')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!leadId) return setMissing(true);
          enroll.mutate(leadId);
        }}
      >
        <Stack>
          {/* The server's reason (already enrolled, re-entry not yet allowed, draft sequence) in the reader's words. */}
          <FormError error={enroll.error} />
          <LeadSelect
            label={t('email.sequences.enrollments.leadLabel')}
            placeholder={t('email.sequences.enrollments.leadPlaceholder')}
            value={leadId}
            onChange={(id) => {
              setLeadId(id);
              setMissing(false);
            }}
            error={missing ? t('validation.required') : undefined}
          />
          <FormActions onCancel={close} submitLabel={t('email.sequences.enrollments.enrollSubmit')} loading={enroll.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
