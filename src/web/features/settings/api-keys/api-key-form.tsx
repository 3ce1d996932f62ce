import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TApiKeyCreateBody, TApiKeyCreated } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { API_KEYS_KEY } from '../query-keys.js';
import { GRANTABLE_ROLES, roleOptions } from '../role-options.js';

/** Name + role of a new key; hands the created key (with its secret) to `onCreated`. */
export function ApiKeyForm({ onCreated }: { onCreated: (created: TApiKeyCreated) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<TApiKeyCreateBody>({
    initialValues: { name: '', role: 'member' },
    validate: { name: isNotEmpty(t('validation.required')) },
  });
  const create = useMutation({
    mutationFn: (values: TApiKeyCreateBody) => api.post<TApiKeyCreated>('/api/workspace/api-keys', values),
    onSuccess: async (created) => {
      form.reset();
      onCreated(created);
      await queryClient.invalidateQueries({ queryKey: API_KEYS_KEY });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
      <Stack gap="sm" align="flex-start">
        <Group align="flex-start" gap="sm" w="100%">
          <TextInput label={t('settings.apiKeys.name')} autoComplete="off" required style={{ flex: '1 1 240px' }} {...form.getInputProps('name')} />
          <NativeSelect
            label={t('settings.apiKeys.role')}
            data={roleOptions(GRANTABLE_ROLES, t)}
            style={{ flex: '0 1 200px' }}
            {...form.getInputProps('role')}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('settings.apiKeys.nameHint')}
        </Text>
        <Button type="submit" loading={create.isPending}>
          {t('settings.apiKeys.create')}
        </Button>
      </Stack>
    </form>
  );
}
