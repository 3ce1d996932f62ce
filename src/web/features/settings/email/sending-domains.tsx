import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZDomainName, type TDnsRecordCheck, type TEmailDomain } from '../../../../contracts/email-domains.js';
import { api, ApiError } from '../../../lib/api.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { useFormatters } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { useConfirmedDelete } from '../use-confirmed-delete.js';
import { DnsRecordCard } from '../dns-record-card.js';
import { SENDING_DOMAINS_KEY } from './email-settings-query.js';

const BASE = '/api/marketing/email-domains';
const DOMAIN_COLORS = { pending: 'gray', verified: 'teal', failing: 'red' } as const;
const RECORD_COLORS = { ok: 'teal', missing: 'orange', mismatch: 'red', unchecked: 'gray' } as const;

/** The domains campaigns may be sent from, each with its DKIM key's records to publish and their last DNS check. */
export function SendingDomains({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const domains = useQuery({ queryKey: SENDING_DOMAINS_KEY, queryFn: () => api.get<{ items: TEmailDomain[] }>(BASE) });
  const remove = useConfirmedDelete<TEmailDomain>({ basePath: BASE, queryKey: SENDING_DOMAINS_KEY, successMessage: t('settings.sendingDomains.removed') });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('settings.sendingDomains.intro')}
      </Text>
      {canEdit && <AddDomainForm />}
      <QueryState query={domains}>
        {({ items }) =>
          items.length === 0 ? (
            // The form to add one is right above: no second button here.
            <EmptyState title={t('settings.sendingDomains.emptyTitle')} message={t('settings.sendingDomains.empty')} actions={[]} />
          ) : (
            <Stack gap="md">
              {items.map((domain) => (
                <DomainCard key={domain.id} domain={domain} canEdit={canEdit} onRemove={() => remove.ask(domain)} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <ConfirmModal
        opened={remove.pending !== null}
        title={t('settings.sendingDomains.removeTitle', { domain: remove.pending?.domain ?? '' })}
        confirmLabel={t('settings.sendingDomains.remove')}
        loading={remove.isPending}
        onConfirm={remove.confirm}
        onClose={remove.cancel}
      >
        {t('settings.sendingDomains.removeBody')}
      </ConfirmModal>
    </Stack>
  );
}

function AddDomainForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { domain: '' },
    validate: {
      domain: (value) => (value.trim() === '' ? t('validation.required') : ZDomainName.safeParse(value).success ? null : t('settings.sendingDomains.invalid')),
    },
  });
  const add = useMutation({
    mutationFn: (domain: string) => api.post<TEmailDomain>(BASE, { domain }),
    onSuccess: async (added) => {
      form.reset();
      notifications.show({ color: 'teal', message: t('settings.sendingDomains.added', { domain: added.domain }) });
      await queryClient.invalidateQueries({ queryKey: SENDING_DOMAINS_KEY });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.reason === 'domain_exists') form.setFieldError('domain', error.explanation());
      else if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values.domain.trim()))}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('settings.sendingDomains.domain')}
          placeholder="mon-coaching.fr"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          style={{ flex: '1 1 220px' }}
          {...form.getInputProps('domain')}
        />
        <Button type="submit" loading={add.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('settings.sendingDomains.add')}
        </Button>
      </Group>
    </form>
  );
}

function DomainCard({ domain, canEdit, onRemove }: { domain: TEmailDomain; canEdit: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const check = useMutation({
    mutationFn: () => api.post<TEmailDomain>(`${BASE}/${domain.id}/check`, {}),
    onSuccess: async (checked) => {
      notifications.show({
        color: checked.status === 'verified' ? 'teal' : 'orange',
        message: t(checked.status === 'verified' ? 'settings.sendingDomains.checkedOk' : 'settings.sendingDomains.checkedMissing', { domain: checked.domain }),
      });
      await queryClient.invalidateQueries({ queryKey: SENDING_DOMAINS_KEY });
    },
    onError: (error) => notifyError(error, t),
  });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" component="article" aria-label={domain.domain}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {domain.domain}
            </Text>
            <Badge variant="light" color={DOMAIN_COLORS[domain.status]}>
              {t(`settings.sendingDomains.status.${domain.status}`)}
            </Badge>
          </Group>
          {canEdit && (
            <Group gap="xs">
              <Button size="xs" variant="light" leftSection={<IconRefresh size={14} aria-hidden />} loading={check.isPending} onClick={() => check.mutate()}>
                {t('settings.sendingDomains.check')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={onRemove} aria-label={t('settings.sendingDomains.removeOf', { domain: domain.domain })}>
                {t('settings.sendingDomains.remove')}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {domain.checked_at ? t('settings.sendingDomains.checkedAt', { date: format.dateTime(domain.checked_at) }) : t('settings.sendingDomains.neverChecked')}
        </Text>
        <RecordList records={domain.records} />
      </Stack>
    </Paper>
  );
}

/** The TXT records to publish, one block each (names and keys are long: they wrap, on a phone too). */
function RecordList({ records }: { records: TDnsRecordCheck[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" aria-label={t('settings.sendingDomains.records')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {records.map((record) => (
        <DnsRecordCard
          key={record.purpose}
          title={t(`settings.sendingDomains.purposes.${record.purpose}`)}
          type="TXT"
          name={record.name}
          value={record.value}
          badge={
            <Badge variant="light" color={RECORD_COLORS[record.status]}>
              {t(`settings.sendingDomains.recordStatus.${record.status}`)}
            </Badge>
          }
        >
          {record.status === 'mismatch' && record.found.length > 0 && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('settings.sendingDomains.found', { value: record.found.join(' | ') })}
            </Text>
          )}
          {record.error && (
            <Text size="xs" c="red">
              {t('settings.sendingDomains.dnsError', { code: record.error })}
            </Text>
          )}
        </DnsRecordCard>
      ))}
    </Stack>
  );
}
