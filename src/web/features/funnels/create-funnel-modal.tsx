import { Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FUNNEL_TYPES, type TFunnel, type TFunnelLanguage, type TFunnelType } from '../../../contracts/funnels.js';
import { notifyError, setFormErrors } from '../../lib/errors.js';
import { FormActions } from '../../ui/form-actions.js';
import { useLanguageOptions } from './funnel-options.js';
import { TemplatePicker } from './template-picker.js';
import { useCreateFromTemplate, useCreateFunnel } from './use-funnel-mutations.js';

type Props = { opened: boolean; onClose: () => void };

type TValues = { name: string; funnel_type: TFunnelType | ''; language: TFunnelLanguage; start: 'blank' | 'template'; template_id: string | null };

/**
 * "+ Créer": a name, a type and a language, then either an empty funnel or one of the templates of that type and
 * language (its pages copied); the new funnel opens at once.
 */
export function CreateFunnelModal({ opened, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const languages = useLanguageOptions();
  const form = useForm<TValues>({
    initialValues: {
      name: '',
      funnel_type: '',
      language: (i18n.resolvedLanguage ?? 'fr').startsWith('en') ? 'en' : 'fr',
      start: 'blank',
      template_id: null,
    },
    validate: {
      name: (value) => (value.trim() === '' ? t('validation.required') : null),
      funnel_type: (value) => (value === '' ? t('validation.required') : null),
      template_id: (value, values) => (values.start === 'template' && !value ? t('funnelList.create.pickTemplate') : null),
    },
  });
  const create = useCreateFunnel();
  const fromTemplate = useCreateFromTemplate();
  const close = () => {
    form.reset();
    onClose();
  };
  const done = (created: TFunnel) => {
    close();
    void navigate(`/funnels/${created.id}`);
  };
  const failed = (error: unknown) => {
    if (!setFormErrors(form, error)) notifyError(error, t);
  };
  const submit = (values: TValues) => {
    const name = values.name.trim();
    if (values.start === 'template' && values.template_id) {
      fromTemplate.mutate({ template_id: values.template_id, name }, { onSuccess: done, onError: failed });
    } else if (values.funnel_type) {
      create.mutate({ name, funnel_type: values.funnel_type, language: values.language }, { onSuccess: done, onError: failed });
    }
  };
  const { funnel_type: funnelType, language, start } = form.values;
  return (
    <Modal opened={opened} onClose={close} title={t('funnelList.create.title')} size="lg">
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          <TextInput
            label={t('funnelList.fields.name')}
            placeholder={t('funnelList.fields.namePlaceholder')}
            required
            maxLength={120}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Select
            label={t('funnelList.fields.type')}
            placeholder={t('funnelList.fields.typePlaceholder')}
            required
            withAsterisk={false}
            allowDeselect={false}
            data={FUNNEL_TYPES.map((value) => ({ value, label: t(`funnelList.types.${value}`) }))}
            {...form.getInputProps('funnel_type')}
            onChange={(value) => {
              form.setFieldValue('funnel_type', (value ?? '') as TFunnelType | '');
              form.setFieldValue('template_id', null);
            }}
          />
          <Select
            label={t('funnelList.fields.language')}
            description={t('funnelList.fields.languageHint')}
            allowDeselect={false}
            data={languages}
            {...form.getInputProps('language')}
            onChange={(value) => {
              if (value) form.setFieldValue('language', value as TFunnelLanguage);
              form.setFieldValue('template_id', null);
            }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="funnel-start-label">
              {t('funnelList.create.start')}
            </Text>
            <SegmentedControl
              aria-labelledby="funnel-start-label"
              fullWidth
              data={[
                { value: 'blank', label: t('funnelList.create.blank') },
                { value: 'template', label: t('funnelList.create.fromTemplate') },
              ]}
              value={start}
              onChange={(value) => form.setFieldValue('start', value as TValues['start'])}
            />
          </Stack>
          {start === 'template' &&
            (funnelType ? (
              <TemplatePicker
                funnelType={funnelType}
                language={language}
                value={form.values.template_id}
                onChange={(value) => form.setFieldValue('template_id', value)}
                error={form.errors.template_id as string | undefined}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('funnelList.create.typeFirst')}
              </Text>
            ))}
          {start === 'blank' && (
            <Text size="sm" c="dimmed">
              {t('funnelList.create.blankHint')}
            </Text>
          )}
          <FormActions onCancel={close} submitLabel={t('funnelList.create.submit')} loading={create.isPending || fromTemplate.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
