import type { ReactNode } from 'react';
import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyableCode } from '../../ui/copyable-code.js';

/**
 * One DNS record to create at the registrar, as a list item: what it is for and its type, then its name and value
 * with copy buttons. Sending domains (DKIM, SPF, DMARC) and custom domains (proof, pointing) both show theirs so;
 * `badge` is the record's check result, `children` what the check found.
 */
export function DnsRecordCard({
  title,
  type,
  name,
  value,
  badge,
  children,
}: {
  title: string;
  type: string;
  name: string;
  value: string;
  badge?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder radius="sm" p="xs">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {title} · {type}
          </Text>
          {badge}
        </Group>
        <CopyableCode label={t('settings.dnsRecord.name')} value={name} copyLabel={t('settings.dnsRecord.copy', { what: t('settings.dnsRecord.name') })} />
        <CopyableCode label={t('settings.dnsRecord.value')} value={value} copyLabel={t('settings.dnsRecord.copy', { what: t('settings.dnsRecord.value') })} />
        {children}
      </Stack>
    </Paper>
  );
}
