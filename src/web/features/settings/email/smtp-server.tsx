import { Alert, Button, Code, Group, PasswordInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCredential } from '../../../../contracts/credentials.js';
import type { TEmailSettingsView } from '../../../../contracts/email-campaigns.js';
import type { TSmtpTestResult } from '../../../../contracts/email-domains.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { CopyableCode } from '../../../ui/copyable-code.js';
import { NumberField } from '../../../ui/number-field.js';
import { QueryState } from '../../../ui/query-state.js';
import { useSignedInMe } from '../../auth/session.js';
import { EMAIL_SETTINGS_KEY } from './email-settings-query.js';

const CREDENTIALS_KEY = ['workspace-credentials'] as const;

/**
 * The workspace's own SMTP server (Brevo, Mailjet, SES, any SMTP), stored encrypted; without it campaigns go
 * through the instance's server, or stay in the outbox. A test message reports the server's exact answer.
 * Admins only (the credentials API is theirs).
 */
export function SmtpServer({ settings }: { settings: TEmailSettingsView }) {
  const { t } = useTranslation();
  const credentials = useQuery({ queryKey: CREDENTIALS_KEY, queryFn: () => api.get<TCredential[]>('/api/workspace/credentials') });
  return (
    <Stack gap="md">
      <Alert color={settings.delivery === 'outbox' ? 'orange' : 'blue'} variant="light">
        {t(`settings.smtp.via.${settings.delivery}`)}
      </Alert>
      <QueryState query={credentials}>
        {(list) => (
          <Stack gap="lg">
            <SmtpForm stored={list.find((c) => c.provider === 'smtp')} />
            <SmtpTest />
            <MailgunKey stored={list.find((c) => c.provider === 'mailgun')} webhookUrl={settings.mailgun_webhook_url} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

type TSmtpValues = { host: string; port: number | ''; secure: boolean; username: string; password: string };

function SmtpForm({ stored }: { stored: TCredential | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fields = stored?.fields ?? {};
  const form = useForm<TSmtpValues>({
    initialValues: {
      host: String(fields.host ?? ''),
      port: typeof fields.port === 'number' ? fields.port : 587,
      secure: fields.secure === true,
      username: String(fields.username ?? ''),
      password: '',
    },
    validate: {
      host: (value) => (value.trim() === '' ? t('validation.required') : null),
      port: (value) => (value === '' ? t('validation.required') : null),
    },
  });
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: CREDENTIALS_KEY }), queryClient.invalidateQueries({ queryKey: EMAIL_SETTINGS_KEY })]);
  const save = useMutation({
    // A password left empty keeps the stored one (the API fills it in).
    mutationFn: (values: TSmtpValues) =>
      api.put<TCredential>('/api/workspace/credentials/smtp', {
        host: values.host.trim(),
        port: values.port,
        secure: values.secure,
        ...(values.username.trim() ? { username: values.username.trim() } : {}),
        ...(values.password ? { password: values.password } : {}),
      }),
    onSuccess: async () => {
      form.setFieldValue('password', '');
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('settings.smtp.saved') });
      await refresh();
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  const forget = useMutation({
    mutationFn: () => api.delete('/api/workspace/credentials/smtp'),
    onSuccess: async () => {
      form.setValues({ host: '', port: 587, secure: false, username: '', password: '' });
      notifications.show({ color: 'teal', message: t('settings.smtp.forgotten') });
      await refresh();
    },
    onError: (error) => notifyError(error, t),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))} aria-label={t('settings.smtp.formLabel')}>
      <Stack gap="sm" align="flex-start">
        <Group grow w="100%" align="flex-start" wrap="wrap">
          <TextInput
            label={t('settings.smtp.host')}
            placeholder="smtp-relay.brevo.com"
            autoComplete="off"
            style={{ minWidth: 200 }}
            {...form.getInputProps('host')}
          />
          <NumberField label={t('settings.smtp.port')} decimals={0} min={1} max={65535} style={{ maxWidth: 140 }} {...form.getInputProps('port')} />
        </Group>
        <Switch label={t('settings.smtp.secure')} description={t('settings.smtp.secureHint')} {...form.getInputProps('secure', { type: 'checkbox' })} />
        <TextInput label={t('settings.smtp.username')} autoComplete="off" w="100%" {...form.getInputProps('username')} />
        <PasswordInput
          label={t('settings.smtp.password')}
          description={stored?.fields.password ? t('settings.smtp.passwordKept', { masked: String(stored.fields.password) }) : undefined}
          autoComplete="new-password"
          w="100%"
          {...form.getInputProps('password')}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('settings.smtp.save')}
          </Button>
          {stored && (
            <Button variant="subtle" color="red" loading={forget.isPending} onClick={() => forget.mutate()}>
              {t('settings.smtp.forget')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function SmtpTest() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [to, setTo] = useState(me.user?.email ?? '');
  const test = useMutation({
    mutationFn: () => api.post<TSmtpTestResult>('/api/marketing/email-settings/smtp-test', { to: to.trim() }),
    onError: (error) => notifyError(error, t),
  });
  const result = test.data;
  return (
    <Stack gap="xs" align="flex-start" w="100%">
      <Group align="flex-end" gap="sm" w="100%">
        <TextInput
          label={t('settings.smtp.testTo')}
          type="email"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        <Button variant="light" loading={test.isPending} onClick={() => test.mutate()} disabled={to.trim() === ''}>
          {t('settings.smtp.test')}
        </Button>
      </Group>
      {result && (
        <Alert color={result.ok ? 'teal' : 'red'} w="100%" role="status" title={t(result.ok ? 'settings.smtp.testOk' : 'settings.smtp.testFailed')}>
          {result.ok ? (
            t('settings.smtp.testOkBody', { to })
          ) : (
            <Stack gap={4}>
              <Text size="sm">
                {result.error_code === 'private_address'
                  ? t('settings.smtp.privateAddress')
                  : result.response_code
                    ? t('settings.smtp.testCode', { code: result.response_code })
                    : t('settings.smtp.testNetwork')}
              </Text>
              <Code block style={{ whiteSpace: 'pre-wrap' }}>
                {result.error}
              </Code>
            </Stack>
          )}
        </Alert>
      )}
    </Stack>
  );
}

function MailgunKey({ stored, webhookUrl }: { stored: TCredential | undefined; webhookUrl: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { webhook_signing_key: '' } });
  const save = useMutation({
    mutationFn: (values: { webhook_signing_key: string }) => api.put<TCredential>('/api/workspace/credentials/mailgun', values),
    onSuccess: async () => {
      form.reset();
      notifications.show({ color: 'teal', message: t('settings.smtp.mailgunSaved') });
      await queryClient.invalidateQueries({ queryKey: CREDENTIALS_KEY });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  return (
    <Stack gap="xs" w="100%">
      <Text fw={600}>{t('settings.smtp.mailgunTitle')}</Text>
      <Text size="sm" c="dimmed">
        {t('settings.smtp.mailgunIntro')}
      </Text>
      <CopyableCode value={webhookUrl} copyLabel={t('settings.smtp.copyUrl')} />
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Group align="flex-end" gap="sm">
          <PasswordInput
            label={t('settings.smtp.mailgunKey')}
            description={stored ? t('settings.smtp.passwordKept', { masked: String(stored.fields.webhook_signing_key ?? '') }) : undefined}
            autoComplete="off"
            style={{ flex: '1 1 220px' }}
            {...form.getInputProps('webhook_signing_key')}
          />
          <Button type="submit" variant="light" loading={save.isPending} disabled={form.values.webhook_signing_key.trim() === ''}>
            {t('settings.smtp.save')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
