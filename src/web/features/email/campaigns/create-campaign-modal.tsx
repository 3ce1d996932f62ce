import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TEmailCampaign } from '../../../../contracts/email-campaigns.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { FormActions } from '../../../ui/form-actions.js';
import { starterDocumentFor } from '../editor/use-switch-mode.js';
import { CAMPAIGNS_KEY, CAMPAIGNS_PATH, SUBJECT_EXAMPLE } from '../email-api.js';

type Props = { opened: boolean; onClose: () => void };

/** "+ Créer": a name and a subject make a draft, which opens as the step flow (recipients, content, sender, review). */
export function CreateCampaignModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '', subject: '' },
    validate: { name: (value) => (value.trim() === '' ? t('validation.required') : null) },
  });
  const create = useMutation({
    // A new campaign starts in the block editor, from a starter document in the reader's language.
    mutationFn: (values: { name: string; subject: string }) => api.post<TEmailCampaign>(CAMPAIGNS_PATH, { ...values, editor_document: starterDocumentFor(t) }),
    onSuccess: async (created) => {
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
      void navigate(`/email-marketing/campaigns/${created.id}?step=recipients`);
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('email.create.title')}>
      <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <TextInput
            label={t('email.fields.name')}
            description={t('email.fields.nameHint')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('email.fields.subject')}
            description={t('email.fields.subjectHint', { example: SUBJECT_EXAMPLE })}
            maxLength={300}
            {...form.getInputProps('subject')}
          />
          <FormActions onCancel={onClose} submitLabel={t('email.create.submit')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
