import { Button, Group, Loader, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEmailCampaignPreview } from '../../../../contracts/email-campaigns.js';
import { api } from '../../../lib/api.js';
import { errorDetail, notifyError } from '../../../lib/errors.js';
import { LeadSelect } from '../editor/lead-select.js';
import { CAMPAIGNS_KEY, CAMPAIGNS_PATH } from '../email-api.js';

const WIDTHS = { desktop: 600, phone: 375 } as const;

/**
 * The saved campaign as a recipient gets it (the server's own render, as a chosen lead or a made-up one), on a
 * desktop or phone width, and a test send of it to a few addresses (rendered as the same lead).
 */
export function CampaignPreviewModal({ campaignId, opened, onClose, canSend }: { campaignId: string; opened: boolean; onClose: () => void; canSend: boolean }) {
  const { t } = useTranslation();
  const [device, setDevice] = useState<keyof typeof WIDTHS>('desktop');
  const [emails, setEmails] = useState('');
  const [leadId, setLeadId] = useState<string | null>(null);
  const asLead = leadId ? { lead_id: leadId } : {};
  const preview = useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'preview', campaignId, leadId],
    queryFn: () => api.post<TEmailCampaignPreview>(`${CAMPAIGNS_PATH}/${campaignId}/preview`, asLead),
    enabled: opened,
    gcTime: 0,
  });
  const test = useMutation({
    mutationFn: (addresses: string[]) => api.post(`${CAMPAIGNS_PATH}/${campaignId}/test`, { emails: addresses, ...asLead }),
    onSuccess: (_data, addresses) => notifications.show({ color: 'teal', message: t('email.preview.testSent', { count: addresses.length }) }),
    onError: (error) => notifyError(error, t),
  });
  const addresses = emails
    .split(/[,;\s]+/)
    .map((e) => e.trim())
    .filter(Boolean);

  return (
    <Modal opened={opened} onClose={onClose} title={t('email.preview.title')} size="auto" centered>
      <Stack gap="sm" maw={WIDTHS.desktop + 40}>
        <Group justify="space-between" wrap="wrap">
          <SegmentedControl
            value={device}
            onChange={(value) => setDevice(value as keyof typeof WIDTHS)}
            data={[
              { value: 'desktop', label: t('email.preview.desktop') },
              { value: 'phone', label: t('email.preview.phone') },
            ]}
          />
          {!leadId && (
            <Text size="sm" c="dimmed">
              {t('email.preview.sample')}
            </Text>
          )}
        </Group>
        <LeadSelect label={t('emailEditor.preview.lead')} value={leadId} onChange={setLeadId} />
        {preview.isPending && <Loader size="sm" aria-label={t('email.preview.loading')} />}
        {preview.isError && <Text c="red">{errorDetail(preview.error, t)}</Text>}
        {preview.data && (
          <>
            <Text size="sm">
              <strong>{t('email.preview.subject')}</strong> {preview.data.subject}
            </Text>
            <iframe
              title={t('email.preview.frame')}
              srcDoc={preview.data.html}
              sandbox=""
              style={{
                width: '100%',
                maxWidth: WIDTHS[device],
                height: 520,
                border: '1px solid var(--mantine-color-default-border)',
                borderRadius: 8,
                background: '#fff',
              }}
            />
          </>
        )}
        {canSend && (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('email.preview.testTo')}
              description={t('email.preview.testHint')}
              value={emails}
              onChange={(event) => setEmails(event.currentTarget.value)}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button onClick={() => test.mutate(addresses)} loading={test.isPending} disabled={addresses.length === 0 || addresses.length > 5}>
              {t('email.preview.sendTest')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
