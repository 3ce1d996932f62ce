import { Alert, Modal, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDomain } from '../../../contracts/workspaces.js';
import { api } from '../../lib/api.js';
import { DOMAINS_KEY } from '../settings/query-keys.js';
import type { TFunnel, TFunnelLanguage, TFunnelUpdateBody } from '../../../contracts/funnels.js';
import { notifyError, setFormErrors } from '../../lib/errors.js';
import { FormActions } from '../../ui/form-actions.js';
import { useLanguageOptions } from './funnel-options.js';
import { showSlugConflict, slugProblem } from './slug.js';
import { useUpdateFunnel } from './use-funnel-mutations.js';

type Props = { funnel: TFunnel; opened: boolean; onClose: () => void };

type TValues = {
  name: string;
  description: string;
  slug: string;
  language: TFunnelLanguage;
  double_optin: boolean;
  is_template: boolean;
  domain_id: string | null;
};

/** "Paramètres": name, description, address (slug), own domain, language, double opt-in and "use as a template". */
export function FunnelSettingsModal({ funnel, opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('funnelList.settings.title')} size="lg">
      {opened && <SettingsForm funnel={funnel} onClose={onClose} />}
    </Modal>
  );
}

function SettingsForm({ funnel, onClose }: { funnel: TFunnel; onClose: () => void }) {
  const { t } = useTranslation();
  const languages = useLanguageOptions();
  const update = useUpdateFunnel(funnel.id);
  const initial: TValues = {
    name: funnel.name,
    description: funnel.description ?? '',
    slug: funnel.slug,
    language: funnel.language,
    double_optin: funnel.double_optin,
    is_template: funnel.is_template,
    domain_id: funnel.domain_id,
  };
  const domains = useQuery({ queryKey: DOMAINS_KEY, queryFn: () => api.get<TDomain[]>('/api/workspace/domains') });
  const domainOptions = (domains.data ?? []).map((d) => ({
    value: d.id,
    label: d.status === 'verified' ? d.hostname : t('funnelList.settings.domainPending', { hostname: d.hostname }),
  }));
  const form = useForm<TValues>({
    initialValues: initial,
    validate: {
      name: (value) => (value.trim() === '' ? t('validation.required') : null),
      slug: (value) => slugProblem(value, t),
    },
  });
  const submit = (values: TValues) => {
    // Only what changed: an unchanged slug is not checked again, and two people editing different fields do not clash.
    const body: TFunnelUpdateBody = {};
    if (values.name.trim() !== initial.name) body.name = values.name.trim();
    if (values.description.trim() !== initial.description) body.description = values.description.trim() || null;
    if (values.slug !== initial.slug) body.slug = values.slug;
    if (values.language !== initial.language) body.language = values.language;
    if (values.double_optin !== initial.double_optin) body.double_optin = values.double_optin;
    if (values.is_template !== initial.is_template) body.is_template = values.is_template;
    if (values.domain_id !== initial.domain_id) body.domain_id = values.domain_id;
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('common.saved') });
        onClose();
      },
      onError: (error) => {
        if (showSlugConflict(form, error)) return;
        if (!setFormErrors(form, error)) notifyError(error, t);
      },
    });
  };
  const slugChanged = form.values.slug !== initial.slug;
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <TextInput label={t('funnelList.fields.name')} required maxLength={120} data-autofocus {...form.getInputProps('name')} />
        <Textarea label={t('funnelList.fields.description')} autosize minRows={2} maxRows={6} maxLength={2000} {...form.getInputProps('description')} />
        <TextInput
          label={t('funnelList.fields.slug')}
          description={t('funnelList.settings.slugHint', { slug: form.values.slug || '…' })}
          required
          maxLength={60}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          {...form.getInputProps('slug')}
          onChange={(event) => form.setFieldValue('slug', event.currentTarget.value.toLowerCase())}
        />
        {slugChanged && funnel.is_active && (
          <Alert color="orange" variant="light">
            {t('funnelList.settings.slugPublished')}
          </Alert>
        )}
        <Select
          label={t('funnelList.settings.domain')}
          description={
            domains.data && domains.data.length === 0 ? (
              <>
                {t('funnelList.settings.domainNone')} <Link to="/settings/domains">{t('funnelList.settings.domainSettings')}</Link>
              </>
            ) : (
              t('funnelList.settings.domainHint')
            )
          }
          placeholder={t('funnelList.settings.domainPlaceholder')}
          clearable
          data={domainOptions}
          disabled={domainOptions.length === 0}
          {...form.getInputProps('domain_id')}
        />
        <Select
          label={t('funnelList.fields.language')}
          description={t('funnelList.fields.languageHint')}
          allowDeselect={false}
          data={languages}
          {...form.getInputProps('language')}
        />
        <Switch
          label={t('funnelList.settings.doubleOptin')}
          description={t('funnelList.settings.doubleOptinHint')}
          {...form.getInputProps('double_optin', { type: 'checkbox' })}
        />
        <Switch
          label={t('funnelList.settings.isTemplate')}
          description={t('funnelList.settings.isTemplateHint')}
          {...form.getInputProps('is_template', { type: 'checkbox' })}
        />
        <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={update.isPending} />
      </Stack>
    </form>
  );
}
