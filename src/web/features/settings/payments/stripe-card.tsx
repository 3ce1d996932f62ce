import { Alert, Button, Code, Group, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TPaymentsView, TStripeCheck } from '../../../../contracts/commerce-payments.js';
import type { TCredential } from '../../../../contracts/credentials.js';
import { api } from '../../../lib/api.js';
import { errorDetail, notifyError, setFormErrors } from '../../../lib/errors.js';
import { CopyableCode } from '../../../ui/copyable-code.js';
import { QueryState } from '../../../ui/query-state.js';
import { ModeBadge } from './mode-badge.js';
import { CREDENTIALS_KEY, PAYMENTS_KEY, useCredentials } from './payments-query.js';

type TValues = { publishable_key: string; secret_key: string; webhook_secret: string };

/** The workspace's Stripe account: its keys (secrets masked once saved), a connection check, and the webhook to add in Stripe. */
export function StripeCard({ view }: { view: TPaymentsView }) {
  const credentials = useCredentials();
  return (
    <QueryState query={credentials}>
      {(list) => (
        <Stack gap="lg">
          <StripeKeysForm stored={list.find((c) => c.provider === 'stripe')} view={view} />
          <StripeWebhook view={view} />
        </Stack>
      )}
    </QueryState>
  );
}

function StripeKeysForm({ stored, view }: { stored: TCredential | undefined; view: TPaymentsView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<TValues>({
    initialValues: { publishable_key: String(stored?.fields.publishable_key ?? ''), secret_key: '', webhook_secret: '' },
    validate: {
      publishable_key: (value) => (/^pk_(test|live)_/.test(value.trim()) ? null : t('payments.stripe.publishableKeyFormat')),
      secret_key: (value) => (value === '' && stored ? null : /^(sk|rk)_(test|live)_/.test(value.trim()) ? null : t('payments.stripe.secretKeyFormat')),
      webhook_secret: (value) => (value === '' || /^whsec_/.test(value.trim()) ? null : t('payments.stripe.webhookSecretFormat')),
    },
  });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: CREDENTIALS_KEY }), queryClient.invalidateQueries({ queryKey: PAYMENTS_KEY })]);
  const save = useMutation({
    // A secret left empty keeps the stored one (the API fills it in).
    mutationFn: (values: TValues) =>
      api.put<TCredential>('/api/workspace/credentials/stripe', {
        publishable_key: values.publishable_key.trim(),
        ...(values.secret_key ? { secret_key: values.secret_key.trim() } : {}),
        ...(values.webhook_secret ? { webhook_secret: values.webhook_secret.trim() } : {}),
      }),
    onSuccess: async () => {
      form.setValues({ secret_key: '', webhook_secret: '' });
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('payments.stripe.saved') });
      await refresh();
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  // "Tester la connexion" checks the key being typed, or the saved one.
  const check = useMutation({
    mutationFn: () => {
      const typed = form.values.secret_key.trim();
      return api.post<TStripeCheck>('/api/workspace/payments/stripe/check', typed ? { secret_key: typed } : {});
    },
  });
  const forget = useMutation({
    mutationFn: () => api.delete('/api/workspace/credentials/stripe'),
    onSuccess: async () => {
      form.setValues({ publishable_key: '', secret_key: '', webhook_secret: '' });
      check.reset();
      notifications.show({ color: 'teal', message: t('payments.stripe.forgotten') });
      await refresh();
    },
    onError: (error) => notifyError(error, t),
  });
  const typedMode = /^(sk|rk)_(test|live)_/.exec(form.values.secret_key.trim())?.[2];
  const mode = typedMode ?? view.stripe.mode;
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))} aria-label={t('payments.stripe.formLabel')}>
      <Stack gap="sm" align="flex-start">
        <Group gap="sm" wrap="wrap">
          {mode ? <ModeBadge live={mode === 'live'} /> : <Text c="dimmed">{t('payments.stripe.notConnected')}</Text>}
          {mode === 'live' && (
            <Text size="sm" c="dimmed">
              {t('payments.stripe.liveHint')}
            </Text>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('payments.stripe.keysHint')}
        </Text>
        <TextInput label={t('payments.stripe.publishableKey')} placeholder="pk_test_…" autoComplete="off" w="100%" {...form.getInputProps('publishable_key')} />
        <PasswordInput
          label={t('payments.stripe.secretKey')}
          placeholder={stored ? undefined : 'sk_test_…'}
          description={stored?.fields.secret_key ? t('payments.stripe.kept', { masked: String(stored.fields.secret_key) }) : undefined}
          autoComplete="new-password"
          w="100%"
          {...form.getInputProps('secret_key')}
        />
        <PasswordInput
          label={t('payments.stripe.webhookSecret')}
          placeholder={stored?.fields.webhook_secret ? undefined : 'whsec_…'}
          description={
            stored?.fields.webhook_secret ? t('payments.stripe.kept', { masked: String(stored.fields.webhook_secret) }) : t('payments.stripe.webhookSecretHint')
          }
          autoComplete="new-password"
          w="100%"
          {...form.getInputProps('webhook_secret')}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('payments.stripe.save')}
          </Button>
          <Button variant="light" loading={check.isPending} disabled={!stored && form.values.secret_key.trim() === ''} onClick={() => check.mutate()}>
            {t('payments.stripe.check')}
          </Button>
          {stored && (
            <Button variant="subtle" color="red" loading={forget.isPending} onClick={() => forget.mutate()}>
              {t('payments.stripe.forget')}
            </Button>
          )}
        </Group>
        {check.data && (
          <Alert color="teal" w="100%" role="status" title={t('payments.stripe.checkOk', { account: check.data.account_id })}>
            <Stack gap={4}>
              <Text size="sm">{t(check.data.charges_enabled ? 'payments.stripe.chargesEnabled' : 'payments.stripe.chargesDisabled')}</Text>
              {(check.data.country || check.data.default_currency) && (
                <Text size="sm">
                  {t('payments.stripe.accountPlace', { country: check.data.country ?? '—', currency: (check.data.default_currency ?? '—').toUpperCase() })}
                </Text>
              )}
              <Text size="sm">{t(check.data.livemode ? 'payments.stripe.checkLive' : 'payments.stripe.checkTest')}</Text>
            </Stack>
          </Alert>
        )}
        {check.error && (
          <Alert color="red" w="100%" role="alert" title={t('payments.stripe.checkFailed')}>
            {errorDetail(check.error, t)}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/** The URL to paste in Stripe (Developers > Webhooks) and the events to tick there. */
function StripeWebhook({ view }: { view: TPaymentsView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('payments.webhook.title')}</Text>
      <Text size="sm" c="dimmed">
        {t('payments.webhook.intro')}
      </Text>
      <CopyableCode value={view.webhook_url} copyLabel={t('payments.webhook.copy')} />
      <Text size="sm">{t('payments.webhook.events')}</Text>
      <List size="sm" spacing={2}>
        {view.webhook_events.map((event) => (
          <List.Item key={event}>
            <Code>{event}</Code>
          </List.Item>
        ))}
      </List>
      {!view.stripe.has_webhook_secret && view.stripe.configured && (
        <Alert color="orange" variant="light">
          {t('payments.webhook.secretMissing')}
        </Alert>
      )}
    </Stack>
  );
}
