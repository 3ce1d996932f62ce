import { Button, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { ZWebhookEndpointBody, type TWebhookEndpoint } from '../../../../contracts/webhooks.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { WEBHOOKS_KEY } from '../query-keys.js';
import type { TWebhookWithSecret } from './webhook-secret-modal.js';
import { useWebhookEventOptions } from './webhook-events.js';

type TValues = { url: string; description: string; event_types: string[] };

// The server's own rule (http or https URLs), checked here too so the message comes before the request.
const isWebUrl = (value: string) => ZWebhookEndpointBody.shape.url.safeParse(value.trim()).success;

type Props =
  | { onCreated: (created: TWebhookWithSecret) => void; urlRef?: RefObject<HTMLInputElement | null>; editing?: undefined; onSaved?: undefined }
  | { editing: TWebhookEndpoint; onSaved: () => void; onCreated?: undefined; urlRef?: undefined };

/**
 * URL, description and event types of a webhook: a new one (handed with its secret to `onCreated`) or, with
 * `editing`, an existing one (its secret stays; `onSaved` once saved).
 */
export function WebhookForm({ onCreated, urlRef, editing, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useWebhookEventOptions();
  const form = useForm<TValues>({
    initialValues: editing
      ? { url: editing.url, description: editing.description, event_types: editing.event_types }
      : { url: '', description: '', event_types: [] },
    validate: {
      url: (value) => (value.trim() === '' ? t('validation.required') : isWebUrl(value) ? null : t('settings.webhooks.urlInvalid')),
      event_types: (value) => (value.length === 0 ? t('settings.webhooks.eventsRequired') : null),
    },
  });
  const save = useMutation({
    mutationFn: async (values: TValues) => {
      const body = { ...values, url: values.url.trim() };
      if (editing) return api.patch<TWebhookEndpoint>(`/api/workspace/webhooks/${editing.id}`, body);
      return api.post<TWebhookWithSecret>('/api/workspace/webhooks', body);
    },
    onSuccess: async (saved) => {
      if (editing) {
        notifications.show({ color: 'teal', message: t('settings.webhooks.saved') });
        onSaved();
      } else {
        form.reset();
        onCreated?.(saved as TWebhookWithSecret);
      }
      await queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
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
          <Button type="submit" loading={save.isPending}>
            {editing ? t('settings.webhooks.save') : t('settings.webhooks.create')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
