import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLead } from '../../../../contracts/crm.js';
import { api } from '../../../lib/api.js';
import { useFormatters } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { leadName } from '../crm-api.js';
import { useDeleteLead } from './lead-drawer-api.js';

/** What the lead agreed to: consent source, time and IP, double opt-in confirmation, and whether they unsubscribed. */
export function LeadConsent({ lead }: { lead: TLead }) {
  const { t } = useTranslation();
  const date = useFormatters().dateTime;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {lead.consent_at || lead.consent_source
          ? t('crmPrivacy.consent', {
              source: lead.consent_source ?? '—',
              date: lead.consent_at ? date(lead.consent_at) : '—',
              ip: lead.consent_ip ?? '—',
            })
          : t('crmPrivacy.noConsent')}
      </Text>
      {lead.unsubscribed_at && (
        <Text size="sm" c="orange">
          {t('crmPrivacy.unsubscribed', { date: date(lead.unsubscribed_at) })}
        </Text>
      )}
      {lead.optin_pending_at && (
        <Text size="sm" c="orange">
          {t('crmPrivacy.optinPending', { date: date(lead.optin_pending_at) })}
        </Text>
      )}
      {lead.optin_confirmed_at && <Text size="sm">{t('crmPrivacy.optinConfirmed', { date: date(lead.optin_confirmed_at) })}</Text>}
    </Stack>
  );
}

/** GDPR requests on one lead (admins and owners): download everything held on them, or erase them. */
export function LeadPrivacy({ lead, onErased }: { lead: TLead; onErased: () => void }) {
  const { t } = useTranslation();
  const erase = useDeleteLead(lead.id, 'erase');
  const [confirming, setConfirming] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      const data = await api.get<unknown>(`/api/marketing/leads/${lead.id}/privacy-export`);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: `lead-${lead.id}.json` });
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      notifications.show({ color: 'red', message: t('crmPrivacy.exportFailed') });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Stack gap="xs">
      <Text fw={600}>{t('crmPrivacy.title')}</Text>
      <Group>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={downloading} onClick={() => void download()}>
          {t('crmPrivacy.export')}
        </Button>
        <Button color="red" variant="light" leftSection={<IconShieldX size={16} />} onClick={() => setConfirming(true)}>
          {t('crmPrivacy.erase')}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t('crmPrivacy.eraseTitle', { name: leadName(lead) })}
        confirmLabel={t('crmPrivacy.eraseConfirm')}
        loading={erase.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          erase.mutate(undefined, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('crmPrivacy.erased') });
              setConfirming(false);
              onErased();
            },
          })
        }
      >
        {t('crmPrivacy.eraseBody')}
      </ConfirmModal>
    </Stack>
  );
}
