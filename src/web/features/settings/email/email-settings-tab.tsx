import { Alert, Anchor, Button, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TEmailSettingsView } from '../../../../contracts/email-campaigns.js';
import { api } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { NumberField } from '../../../ui/number-field.js';
import { QueryState } from '../../../ui/query-state.js';
import { CardSection } from '../../../ui/card-section.js';
import { isAdmin, useSignedInMe } from '../../auth/session.js';
import { DefaultSenderForm } from './default-sender-form.js';
import { EMAIL_SETTINGS_KEY as KEY, useEmailSettings } from './email-settings-query.js';
import { SendingDomains } from './sending-domains.js';
import { SmtpServer } from './smtp-server.js';

/**
 * /settings/email: how campaigns are sent: the sending rules (throttle, UTM tags), the default sender, the
 * sending domains with their DKIM records, and the SMTP server (admins).
 */
export function EmailSettingsTab() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canEdit = isAdmin(me.role);
  const settings = useEmailSettings();
  return (
    <QueryState query={settings}>
      {(data) => (
        <Stack gap="lg" maw={860}>
          <EmailSettingsForm settings={data} />
          <CardSection title={t('settings.emailSender.title')}>
            <DefaultSenderForm settings={data} canEdit={canEdit} />
          </CardSection>
          <CardSection title={t('settings.sendingDomains.title')}>
            <SendingDomains canEdit={canEdit} />
          </CardSection>
          {canEdit && (
            <CardSection title={t('settings.smtp.title')}>
              <SmtpServer settings={data} />
            </CardSection>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

type TValues = { max_per_minute: number | ''; max_per_hour: number | ''; utm_enabled: boolean; conversion_window_days: number | '' };

function EmailSettingsForm({ settings }: { settings: TEmailSettingsView }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const canEdit = isAdmin(me.role);
  const form = useForm<TValues>({
    initialValues: {
      max_per_minute: settings.max_per_minute ?? '',
      max_per_hour: settings.max_per_hour ?? '',
      utm_enabled: settings.utm_enabled,
      conversion_window_days: settings.conversion_window_days,
    },
  });
  const save = useMutation({
    mutationFn: (values: TValues) =>
      api.patch<TEmailSettingsView>('/api/marketing/email-settings', {
        max_per_minute: values.max_per_minute === '' ? null : values.max_per_minute,
        max_per_hour: values.max_per_hour === '' ? null : values.max_per_hour,
        utm_enabled: values.utm_enabled,
        // Emptied: the default window (the server requires one).
        conversion_window_days: values.conversion_window_days === '' ? 7 : values.conversion_window_days,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(KEY, saved);
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('settings.email.saved') });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  return (
    <Stack component="section" aria-labelledby="email-settings-title" maw={560}>
      <Title order={2} size="h3" id="email-settings-title">
        {t('settings.email.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('settings.email.description')}{' '}
        <Anchor component={Link} to="/settings/workspace">
          {t('settings.email.postalAddressLink')}
        </Anchor>
      </Text>
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack align="flex-start">
          <NumberField
            label={t('settings.email.perMinute')}
            description={t('settings.email.perMinuteHint')}
            decimals={0}
            min={1}
            max={100_000}
            readOnly={!canEdit}
            w="100%"
            {...form.getInputProps('max_per_minute')}
          />
          <NumberField
            label={t('settings.email.perHour')}
            description={t('settings.email.perHourHint')}
            decimals={0}
            min={1}
            max={10_000_000}
            readOnly={!canEdit}
            w="100%"
            {...form.getInputProps('max_per_hour')}
          />
          <Switch
            label={t('settings.email.utm')}
            description={t('settings.email.utmHint')}
            disabled={!canEdit}
            {...form.getInputProps('utm_enabled', { type: 'checkbox' })}
          />
          <NumberField
            label={t('settings.email.conversionWindow')}
            description={t('settings.email.conversionWindowHint')}
            decimals={0}
            min={1}
            max={90}
            readOnly={!canEdit}
            w="100%"
            {...form.getInputProps('conversion_window_days')}
          />
          {canEdit ? (
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('settings.email.save')}
            </Button>
          ) : (
            <Alert color="gray">{t('settings.email.readOnly')}</Alert>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
