import { Modal, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_TYPES, type TCustomField, type TCustomFieldType } from '../../../../contracts/crm.js';
import { api, ApiError } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { CUSTOM_FIELDS_KEY } from '../crm-api.js';
import { FormActions } from '../../../ui/form-actions.js';

/** The field being edited, `'new'` for a new one, or null when closed. */
export type TFieldEditTarget = TCustomField | 'new' | null;

type TDraft = { key: string; label: string; field_type: TCustomFieldType; options: string[] };

type Props = { target: TFieldEditTarget; onClose: () => void };

/** Defines or edits a custom field; its key and type are fixed once created (values depend on them). */
export function CustomFieldModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const title = target === 'new' ? t('crmSettings.customFields.new') : t('crmSettings.customFields.editTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title}>
      {target && <FieldForm key={target === 'new' ? 'new' : target.id} target={target} onClose={onClose} />}
    </Modal>
  );
}

function FieldForm({ target, onClose }: { target: Exclude<TFieldEditTarget, null>; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const existing = target === 'new' ? null : target;
  const form = useForm<TDraft>({
    initialValues: existing
      ? { key: existing.key, label: existing.label, field_type: existing.field_type, options: existing.options }
      : { key: '', label: '', field_type: 'text', options: [] },
  });
  const values = form.getValues();
  const save = useMutation({
    mutationFn: (draft: TDraft) => {
      const options = draft.field_type === 'select' ? draft.options : undefined;
      return existing
        ? api.patch<TCustomField>(`/api/marketing/custom-fields/${existing.id}`, { label: draft.label, ...(options ? { options } : {}) })
        : api.post<TCustomField>('/api/marketing/custom-fields', {
            key: draft.key,
            label: draft.label,
            field_type: draft.field_type,
            ...(options ? { options } : {}),
          });
    },
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('crmSettings.customFields.savedField') });
      void queryClient.invalidateQueries({ queryKey: CUSTOM_FIELDS_KEY });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.errors.length > 0) form.setErrors(error.fieldErrors());
      else notifyError(error, t);
    },
  });
  return (
    <form onSubmit={form.onSubmit((draft) => save.mutate(draft))}>
      <Stack>
        <TextInput label={t('crmSettings.customFields.label')} required maxLength={120} {...form.getInputProps('label')} />
        <TextInput
          label={t('crmSettings.customFields.key')}
          description={t('crmSettings.customFields.keyHint')}
          required
          maxLength={40}
          readOnly={existing !== null}
          {...form.getInputProps('key')}
        />
        <Select
          label={t('crmSettings.customFields.type')}
          data={CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: t(`crmSettings.customFields.types.${type}`) }))}
          allowDeselect={false}
          readOnly={existing !== null}
          {...form.getInputProps('field_type')}
        />
        {values.field_type === 'select' && (
          <TagsInput
            label={t('crmSettings.customFields.options')}
            description={t('crmSettings.customFields.optionsHint')}
            required
            {...form.getInputProps('options')}
          />
        )}
        <FormActions onCancel={onClose} submitLabel={t('crmSettings.save')} loading={save.isPending} />
      </Stack>
    </form>
  );
}
