import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ZHostname, type TDomain } from '../../../../contracts/workspaces.js';
import { api, ApiError } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { DOMAINS_KEY } from '../query-keys.js';

// The server's own rule, checked here too so the message comes before the request.
const isHostname = (value: string) => ZHostname.safeParse(value).success;
const normalize = (value: string) => value.trim().toLowerCase().replace(/\.$/, '');

/** A host name to add; the server refuses the product's own and one another workspace has (translated reasons). */
export function DomainForm({ inputRef }: { inputRef?: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { hostname: '' },
    validate: {
      hostname: (value) => (value.trim() === '' ? t('validation.required') : isHostname(value) ? null : t('settings.domains.hostnameInvalid')),
    },
  });
  const add = useMutation({
    mutationFn: (hostname: string) => api.post<TDomain>('/api/workspace/domains', { hostname }),
    onSuccess: async (added) => {
      form.reset();
      notifications.show({ color: 'teal', message: t('settings.domains.added', { hostname: added.hostname }) });
      await queryClient.invalidateQueries({ queryKey: DOMAINS_KEY });
    },
    onError: (error) => {
      // "Already used by a workspace" is about what was typed: said under the field.
      if (error instanceof ApiError && error.reason === 'domain_taken') form.setFieldError('hostname', error.explanation());
      else if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => add.mutate(normalize(values.hostname)))}>
      <Stack gap="sm" align="flex-start">
        <TextInput
          ref={inputRef}
          label={t('settings.domains.hostname')}
          description={t('settings.domains.hostnameHint')}
          placeholder="pages.mon-coaching.fr"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          w="100%"
          maw={480}
          {...form.getInputProps('hostname')}
        />
        <Button type="submit" loading={add.isPending}>
          {t('settings.domains.add')}
        </Button>
      </Stack>
    </form>
  );
}
