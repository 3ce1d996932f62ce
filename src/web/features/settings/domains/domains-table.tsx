import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TDomain } from '../../../../contracts/workspaces.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatters } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { DOMAINS_KEY } from '../query-keys.js';
import { DnsRecordCard } from '../dns-record-card.js';
import { useConfirmedDelete } from '../use-confirmed-delete.js';

type Props = { canEdit: boolean; onAdd: () => void };

/** The workspace's custom domains, each with the DNS records to create and its proof; admins check and remove them. */
export function DomainsTable({ canEdit, onAdd }: Props) {
  const { t } = useTranslation();
  const domains = useQuery({ queryKey: DOMAINS_KEY, queryFn: () => api.get<TDomain[]>('/api/workspace/domains') });
  const remove = useConfirmedDelete<TDomain>({ basePath: '/api/workspace/domains', queryKey: DOMAINS_KEY, successMessage: t('settings.domains.removed') });

  return (
    <>
      <QueryState query={domains}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState
              title={t('settings.domains.emptyTitle')}
              message={t('settings.domains.empty')}
              actions={canEdit ? [{ label: t('settings.domains.addTitle'), icon: <IconPlus size={16} aria-hidden />, onClick: onAdd, primary: true }] : []}
            />
          ) : (
            <Stack gap="md">
              {list.map((domain) => (
                <DomainCard key={domain.id} domain={domain} canEdit={canEdit} onRemove={() => remove.ask(domain)} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <ConfirmModal
        opened={remove.pending !== null}
        title={t('settings.domains.removeTitle', { hostname: remove.pending?.hostname ?? '' })}
        confirmLabel={t('settings.domains.remove')}
        loading={remove.isPending}
        onConfirm={remove.confirm}
        onClose={remove.cancel}
      >
        {t('settings.domains.removeBody')}
      </ConfirmModal>
    </>
  );
}

function DomainCard({ domain, canEdit, onRemove }: { domain: TDomain; canEdit: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: () => api.post<TDomain>(`/api/workspace/domains/${domain.id}/verify`, {}),
    onSuccess: async (checked) => {
      notifications.show({
        color: checked.status === 'verified' ? 'teal' : 'orange',
        message: t(checked.status === 'verified' ? 'settings.domains.verifiedOk' : 'settings.domains.verifyMissing', { hostname: checked.hostname }),
      });
      await queryClient.invalidateQueries({ queryKey: DOMAINS_KEY });
    },
    onError: (error) => notifyError(error, t),
  });
  const verified = domain.status === 'verified';
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" component="article" aria-label={domain.hostname}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {domain.hostname}
            </Text>
            <Badge variant="light" color={verified ? 'teal' : 'gray'}>
              {t(`settings.domains.status.${domain.status}`)}
            </Badge>
          </Group>
          {canEdit && (
            <Group gap="xs">
              {!verified && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  loading={verify.isPending}
                  onClick={() => verify.mutate()}
                >
                  {t('settings.domains.verify')}
                </Button>
              )}
              <Button size="xs" variant="subtle" color="red" onClick={onRemove} aria-label={t('settings.domains.removeOf', { hostname: domain.hostname })}>
                {t('settings.domains.remove')}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {verified && domain.verified_at
            ? t('settings.domains.verifiedAt', { date: format.dateTime(domain.verified_at) })
            : domain.checked_at
              ? t('settings.domains.checkedAt', { date: format.dateTime(domain.checked_at) })
              : t('settings.domains.addedAt', { date: format.date(domain.created_at) })}
        </Text>
        {!verified && domain.check_error && (
          <Text size="sm" c="red">
            {domain.check_error === 'txt_missing'
              ? t('settings.domains.txtMissing', { name: domain.txt_name })
              : t('settings.domains.dnsError', { code: domain.check_error })}
          </Text>
        )}
        <Stack gap="xs" component="ul" aria-label={t('settings.domains.records')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {!verified && <DnsRecordCard title={t('settings.domains.proofRecord')} type="TXT" name={domain.txt_name} value={domain.txt_value} />}
          <DnsRecordCard
            title={t('settings.domains.pointRecord')}
            type={pointingType(domain.cname_target)}
            name={domain.hostname}
            value={domain.cname_target}
          />
        </Stack>
      </Stack>
    </Paper>
  );
}

/** A public server known by its address (no host name) is pointed at with an A or AAAA record, not a CNAME. */
function pointingType(target: string): 'A' | 'AAAA' | 'CNAME' {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(target)) return 'A';
  return target.includes(':') || target.startsWith('[') ? 'AAAA' : 'CNAME';
}
