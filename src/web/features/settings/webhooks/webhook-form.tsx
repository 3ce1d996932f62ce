import { Button, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ZWebhookEndpointBody } from '../../../../contracts/webhooks.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { WEBHOOKS_KEY } from '../query-keys.js';
import type { TWebhookWithSecret } from './webhook-secret-modal.js';
import { useWebhookEventOptions } from './webhook-events.js';

type TValues = { url: string; description: string; event_types: string[] };

// The server's own rule (http or https URLs), checked here too so the message comes before the request.
const isWebUrl = (value: string) => ZWebhookEndpointBody.shape.url.safeParse(value.trim()).success;

type Props = { onCreated: (created: TWebhookWithSecret) => void; urlRef?: RefObject<HTMLInputElement | null> };

/** URL, description and event types of a new webhook; hands the created webhook (with its secret) to `onCreated`. */
export function WebhookForm({ onCreated, urlRef }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useWebhookEventOptions();
  const form = useForm<TValues>({
    initialValues: { url: '', description: '', event_types: [] },
    validate: {
      url: (value) => (value.trim() === '' ? t('validation.required') : isWebUrl(value) ? null : t('settings.webhooks.urlInvalid')),
      event_types: (value) => (value.length === 0 ? t('settings.webhooks.eventsRequired') : null),
    },
  });
  const create = useMutation({
    mutationFn: (values: TValues) => api.post<TWebhookWithSecret>('/api/workspace/webhooks', { ...values, url: values.url.trim() }),
    onSuccess: async (created) => {
      form.reset();
      onCreated(created);
      await queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
      <Stack gap="sm" maw={640}>
        <TextInput
          ref={urlRef}
          type="url"
          label={t('settings.webhooks.url')}
          description={t('settings.webhooks.urlHint')}
          placeholder="https://"
          autoComplete="off"
          required
          {...form.getInputProps('url')}
        />
        <MultiSelect
          label={t('settings.webhooks.events')}
          description={t('settings.webhooks.eventsHint')}
          placeholder={form.values.event_types.length === 0 ? t('settings.webhooks.pickEvents') : undefined}
          data={options}
          searchable
          required
          {...form.getInputProps('event_types')}
        />
        <TextInput
          label={t('settings.webhooks.description')}
          description={t('settings.webhooks.descriptionHint')}
          autoComplete="off"
          maxLength={200}
          {...form.getInputProps('description')}
        />
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('settings.webhooks.create')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
