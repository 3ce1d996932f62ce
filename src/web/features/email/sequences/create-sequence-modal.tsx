import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TSequence } from '../../../../contracts/email-sequences.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { FormActions } from '../../../ui/form-actions.js';
import { SEQUENCES_KEY, SEQUENCES_PATH } from './sequences-api.js';

type Props = { opened: boolean; onClose: () => void };

/** "+ Créer" on the Séquences tab: a name makes a draft sequence, which opens in its step editor. */
export function CreateSequenceModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (value) => (value.trim() === '' ? t('validation.required') : null) },
  });
  const create = useMutation({
    mutationFn: (values: { name: string }) => api.post<TSequence>(SEQUENCES_PATH, { name: values.name.trim() }),
    onSuccess: async (created) => {
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: SEQUENCES_KEY });
      void navigate(`/email-marketing/sequences/${created.id}`);
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('email.sequences.create.title')}>
      <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <TextInput
            label={t('email.sequences.fields.name')}
            description={t('email.sequences.fields.nameHint')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <FormActions onCancel={onClose} submitLabel={t('email.sequences.create.submit')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
