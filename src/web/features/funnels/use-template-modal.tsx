import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TFunnelTemplate } from '../../../contracts/funnels.js';
import { notifyError, setFormErrors } from '../../lib/errors.js';
import { FormActions } from '../../ui/form-actions.js';
import { useCreateFromTemplate } from './use-funnel-mutations.js';

type Props = { template: TFunnelTemplate | null; onClose: () => void };

/** "Utiliser ce template": the new funnel's name (the template's by default), then the funnel opens. */
export function UseTemplateModal({ template, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={template !== null} onClose={onClose} title={t('funnelList.templates.useTitle')}>
      {template && <UseTemplateForm key={template.id} template={template} onClose={onClose} />}
    </Modal>
  );
}

function UseTemplateForm({ template, onClose }: { template: TFunnelTemplate; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fromTemplate = useCreateFromTemplate();
  const form = useForm({
    initialValues: { name: template.name.slice(0, 120) },
    validate: { name: (value) => (value.trim() === '' ? t('validation.required') : null) },
  });
  const submit = (values: { name: string }) =>
    fromTemplate.mutate(
      { template_id: template.id, name: values.name.trim() },
      {
        onSuccess: (created) => {
          onClose();
          void navigate(`/funnels/${created.id}`);
        },
        onError: (error) => {
          if (!setFormErrors(form, error)) notifyError(error, t);
        },
      },
    );
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('funnelList.templates.useHint', { name: template.name, count: template.pages.length })}
        </Text>
        <TextInput label={t('funnelList.fields.name')} required maxLength={120} data-autofocus {...form.getInputProps('name')} />
        <FormActions onCancel={onClose} submitLabel={t('funnelList.templates.useSubmit')} loading={fromTemplate.isPending} />
      </Stack>
    </form>
  );
}
