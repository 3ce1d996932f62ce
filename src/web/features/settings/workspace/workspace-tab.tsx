import { Alert, Button, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TWorkspace } from '../../../../contracts/accounts.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { useFormatDate } from '../../../lib/format.js';
import { currencyOptions, timeZoneOptions } from '../../../lib/regional.js';
import { isAdmin, ME_KEY, useSignedInMe } from '../../auth/session.js';

/** /settings/workspace: the workspace's name, time zone and currency, changed by admins and owners. */
export function WorkspaceTab() {
  const { t, i18n } = useTranslation();
  const me = useSignedInMe();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: me.workspace.name,
      timezone: me.workspace.timezone,
      currency: me.workspace.currency,
      legal_name: me.workspace.legal_name,
      postal_address: me.workspace.postal_address,
    },
    validate: { name: isNotEmpty(t('validation.required')), timezone: isNotEmpty(t('validation.required')), currency: isNotEmpty(t('validation.required')) },
  });
  const rename = useMutation({
    mutationFn: (values: typeof form.values) => api.patch<TWorkspace>('/api/workspace', values),
    onSuccess: async (workspace) => {
      form.resetDirty({
        name: workspace.name,
        timezone: workspace.timezone,
        currency: workspace.currency,
        legal_name: workspace.legal_name,
        postal_address: workspace.postal_address,
      });
      notifications.show({ color: 'teal', message: t('settings.workspace.renamed', { name: workspace.name }) });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });

  return (
    <Stack component="section" aria-labelledby="workspace-title" maw={520}>
      <Title order={2} size="h3" id="workspace-title">
        {t('settings.workspace.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('settings.workspace.createdAt', { date: formatDate(me.workspace.created_at, false) })}
      </Text>
      {isAdmin(me.role) ? (
        <form noValidate onSubmit={form.onSubmit((values) => rename.mutate(values))}>
          <Stack align="flex-start">
            <TextInput label={t('settings.workspace.name')} required w="100%" {...form.getInputProps('name')} />
            <Select
              label={t('settings.workspace.timezone')}
              description={t('settings.workspace.timezoneHelp')}
              data={timeZoneOptions()}
              searchable
              allowDeselect={false}
              w="100%"
              {...form.getInputProps('timezone')}
            />
            <Select
              label={t('settings.workspace.currency')}
              description={t('settings.workspace.currencyHelp')}
              data={currencyOptions(i18n.resolvedLanguage ?? 'fr')}
              searchable
              allowDeselect={false}
              w="100%"
              {...form.getInputProps('currency')}
            />
            <TextInput
              label={t('settings.workspace.legalName')}
              description={t('settings.workspace.legalNameHelp')}
              maxLength={200}
              w="100%"
              {...form.getInputProps('legal_name')}
            />
            <Textarea
              label={t('settings.workspace.postalAddress')}
              description={t('settings.workspace.postalAddressHelp')}
              autosize
              minRows={2}
              maxLength={500}
              w="100%"
              {...form.getInputProps('postal_address')}
            />
            <Button type="submit" loading={rename.isPending} disabled={!form.isDirty()}>
              {t('settings.workspace.save')}
            </Button>
          </Stack>
        </form>
      ) : (
        <>
          <Text>{t('settings.workspace.current', { name: me.workspace.name })}</Text>
          <Text>{t('settings.workspace.regional', { timezone: me.workspace.timezone, currency: me.workspace.currency })}</Text>
          <Alert color="gray">{t('settings.workspace.readOnly')}</Alert>
        </>
      )}
    </Stack>
  );
}
