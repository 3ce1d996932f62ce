import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEmailSubscriptionSummary, TEmailSuppression } from '../../../../contracts/email-campaigns.js';
import { api } from '../../../lib/api.js';
import { isEmailAddress } from '../../../ui/email-address.js';
import { notifyError, setFormErrors } from '../../../lib/errors.js';
import { useFormatters } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';

const SUBSCRIPTIONS_KEY = ['email-subscriptions'] as const;

/** The Contacts tab: how the workspace's leads stand for email, and the addresses it never mails again. */
export function EmailContactsTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const summary = useQuery({
    queryKey: [...SUBSCRIPTIONS_KEY, 'summary'],
    queryFn: () => api.get<TEmailSubscriptionSummary>('/api/marketing/email-subscriptions'),
  });
  const suppressions = useQuery({
    queryKey: [...SUBSCRIPTIONS_KEY, 'suppressions'],
    queryFn: () => api.get<{ items: TEmailSuppression[] }>('/api/marketing/email-suppressions'),
  });
  return (
    <Stack gap="lg">
      <QueryState query={summary}>{(data) => <Summary summary={data} />}</QueryState>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby="suppressions-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="suppressions-title">
            {t('email.contacts.suppressions')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('email.contacts.suppressionsHint')}
          </Text>
          {canEdit && <SuppressForm />}
          <QueryState query={suppressions}>{(data) => <SuppressionTable items={data.items} canEdit={canEdit} />}</QueryState>
        </Stack>
      </Paper>
    </Stack>
  );
}

function Summary({ summary }: { summary: TEmailSubscriptionSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const suppressed = summary.suppressed.hard_bounce + summary.suppressed.soft_bounces + summary.suppressed.complaint + summary.suppressed.manual;
  const tiles = [
    { label: t('email.contacts.subscribed'), value: summary.subscribed },
    { label: t('email.contacts.unsubscribed'), value: summary.unsubscribed },
    { label: t('email.contacts.suppressed'), value: suppressed },
    { label: t('email.contacts.noEmail'), value: summary.no_email },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="email-subscriptions">
      {tiles.map((tile) => (
        <Paper key={tile.label} withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            {tile.label}
          </Text>
          <Text fz={26} fw={700}>
            {format.number(tile.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function SuppressForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (isEmailAddress(value) ? null : t('validation.email')) },
  });
  const add = useMutation({
    mutationFn: (values: { email: string }) => api.post<TEmailSuppression>('/api/marketing/email-suppressions', { email: values.email.trim() }),
    onSuccess: async (row) => {
      form.reset();
      notifications.show({ color: 'teal', message: t('email.contacts.blocked', { email: row.email }) });
      await queryClient.invalidateQueries({ queryKey: SUBSCRIPTIONS_KEY });
    },
    onError: (error) => {
      if (!setFormErrors(form, error)) notifyError(error, t);
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values))}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput type="email" label={t('email.contacts.blockLabel')} style={{ flex: 1, minWidth: 220, maxWidth: 420 }} {...form.getInputProps('email')} />
        <Button type="submit" mt={{ base: 0, xs: 25 }} loading={add.isPending}>
          {t('email.contacts.block')}
        </Button>
      </Group>
    </form>
  );
}

function SuppressionTable({ items, canEdit }: { items: TEmailSuppression[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [restoring, setRestoring] = useState<TEmailSuppression | null>(null);
  const restore = useMutation({
    mutationFn: (row: TEmailSuppression) => api.delete(`/api/marketing/email-suppressions/${row.id}`),
    onSuccess: async (_data, row) => {
      setRestoring(null);
      notifications.show({ color: 'teal', message: t('email.contacts.restored', { email: row.email }) });
      await queryClient.invalidateQueries({ queryKey: SUBSCRIPTIONS_KEY });
    },
    onError: (error) => notifyError(error, t),
  });
  if (items.length === 0) return <EmptyState compact message={t('email.contacts.noSuppression')} />;
  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('email.contacts.address')}</Table.Th>
              <Table.Th>{t('email.contacts.reason')}</Table.Th>
              <Table.Th>{t('email.contacts.since')}</Table.Th>
              {canEdit && <Table.Th aria-label={t('email.contacts.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td style={{ wordBreak: 'break-all' }}>{row.email}</Table.Td>
                <Table.Td>
                  {t(`email.contacts.reasons.${row.reason}`)}
                  {row.detail && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {row.detail}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{format.date(row.created_at)}</Table.Td>
                {canEdit && (
                  <Table.Td ta="right">
                    <Button size="xs" variant="subtle" onClick={() => setRestoring(row)}>
                      {t('email.contacts.restore')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={restoring !== null}
        title={t('email.contacts.restoreTitle', { email: restoring?.email ?? '' })}
        confirmLabel={t('email.contacts.restore')}
        confirmColor="blue"
        loading={restore.isPending}
        onConfirm={() => restoring && restore.mutate(restoring)}
        onClose={() => setRestoring(null)}
      >
        {t('email.contacts.restoreBody')}
      </ConfirmModal>
    </>
  );
}
