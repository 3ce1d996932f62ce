import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TCredential } from '../../../../contracts/credentials.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { QueryState } from '../../../ui/query-state.js';
import { AI_STATUS_KEY } from '../../ai/ai-api.js';
import { CREDENTIALS_KEY, useCredentials } from '../payments/payments-query.js';

type TValues = { base_url: string; api_key: string; model: string; image_model: string };
const PATH = '/api/workspace/credentials/openai_compatible';

/**
 * The workspace's own model provider (any OpenAI-compatible API: OpenAI, Mistral, a local server…), stored encrypted
 * through the credentials API like the SMTP server and Stripe keys; it takes over the installation's AI_* variables.
 * Admins only (the credentials API is theirs).
 */
export function AiProviderForm() {
  const credentials = useCredentials();
  return <QueryState query={credentials}>{(list) => <ProviderForm stored={list.find((c) => c.provider === 'openai_compatible')} />}</QueryState>;
}

function ProviderForm({ stored }: { stored: TCredential | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fields = stored?.fields ?? {};
  const form = useForm<TValues>({
    initialValues: {
      base_url: String(fields.base_url ?? ''),
      api_key: '',
      model: String(fields.model ?? ''),
      image_model: String(fields.image_model ?? ''),
    },
    validate: {
      base_url: (value) => (/^https?:\/\/\S+$/.test(value.trim()) ? null : t('aiSettings.provider.urlFormat')),
      model: (value) => (value.trim() === '' ? t('validation.required') : null),
    },
  });
  // The status card says which writer is used: it changes with the provider.
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: CREDENTIALS_KEY }), queryClient.invalidateQueries({ queryKey: AI_STATUS_KEY })]);
  const save = useMutation({
    // A key left empty keeps the stored one (the API fills it in).
    mutationFn: (values: TValues) =>
      api.put<TCredential>(PATH, {
        base_url: values.base_url.trim(),
        model: values.model.trim(),
        ...(values.api_key ? { api_key: values.api_key.trim() } : {}),
        ...(values.image_model.trim() ? { image_model: values.image_model.trim() } : {}),
      }),
    onSuccess: async () => {
      form.setFieldValue('api_key', '');
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('aiSettings.provider.saved') });
      await refresh();
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  const forget = useMutation({
    mutationFn: () => api.delete(PATH),
    onSuccess: async () => {
      form.setValues({ base_url: '', api_key: '', model: '', image_model: '' });
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('aiSettings.provider.forgotten') });
      await refresh();
    },
    onError: (error) => notifyError(error, t),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))} aria-label={t('aiSettings.provider.title')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm" c="dimmed">
          {t('aiSettings.provider.intro')}
        </Text>
        <TextInput
          label={t('aiSettings.provider.baseUrl')}
          placeholder="https://api.openai.com/v1"
          autoComplete="off"
          w="100%"
          {...form.getInputProps('base_url')}
        />
        <PasswordInput
          label={t('aiSettings.provider.apiKey')}
          description={stored?.fields.api_key ? t('aiSettings.provider.kept', { masked: String(stored.fields.api_key) }) : t('aiSettings.provider.apiKeyHint')}
          autoComplete="new-password"
          w="100%"
          {...form.getInputProps('api_key')}
        />
        <Group grow w="100%" align="flex-start" wrap="wrap">
          <TextInput
            label={t('aiSettings.provider.model')}
            placeholder="gpt-4o-mini"
            autoComplete="off"
            style={{ minWidth: 200 }}
            {...form.getInputProps('model')}
          />
          <TextInput
            label={t('aiSettings.provider.imageModel')}
            description={t('aiSettings.provider.imageModelHint')}
            placeholder="gpt-image-1"
            autoComplete="off"
            style={{ minWidth: 200 }}
            {...form.getInputProps('image_model')}
          />
        </Group>
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('aiSettings.provider.save')}
          </Button>
          {stored && (
            <Button variant="subtle" color="red" loading={forget.isPending} onClick={() => forget.mutate()}>
              {t('aiSettings.provider.forget')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
