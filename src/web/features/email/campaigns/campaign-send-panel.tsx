import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause, IconPlayerPlay, IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TEmailCampaign } from '../../../../contracts/email-campaigns.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatters } from '../../../lib/format.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { CAMPAIGNS_KEY, CAMPAIGNS_PATH, campaignKey, reportKey } from '../email-api.js';

type TAction = 'send' | 'schedule' | 'unschedule' | 'pause' | 'resume' | 'cancel';

/** The local "YYYY-MM-DDTHH:mm" of an ISO date, as a datetime-local input shows it. */
function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Where a campaign stands and what can be done next: send now or schedule a draft, follow a send as it goes
 * (progress every two seconds), pause, resume, cancel, and open the report.
 */
export function CampaignSendPanel({ campaign, canEdit, dirty }: { campaign: TEmailCampaign; canEdit: boolean; dirty: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<'send' | 'cancel' | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const [when, setWhen] = useState(() => toLocalInput(new Date(Date.now() + 3_600_000)));
  const act = useMutation({
    mutationFn: (action: TAction) =>
      api.post<TEmailCampaign>(`${CAMPAIGNS_PATH}/${campaign.id}/${action}`, action === 'schedule' ? { scheduled_at: new Date(when).toISOString() } : {}),
    onSuccess: async (saved, action) => {
      queryClient.setQueryData(campaignKey(saved.id), saved);
      setConfirm(null);
      setScheduling(false);
      notifications.show({ color: 'teal', message: t(`email.send.done.${action}`) });
      await queryClient.invalidateQueries({ queryKey: [...CAMPAIGNS_KEY, 'list'] });
      await queryClient.invalidateQueries({ queryKey: reportKey(saved.id) });
    },
    onError: (error) => {
      setConfirm(null);
      notifyError(error, t);
    },
  });
  const progress = campaign.total_recipients > 0 ? campaign.total_sent / campaign.total_recipients : 0;
  const sending = campaign.status === 'active' || campaign.status === 'paused';
  const hasReport = sending || campaign.status === 'completed';

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby="campaign-send-title" mb="lg">
      <Stack gap="sm">
        <Title order={2} size="h3" id="campaign-send-title">
          {t('email.send.title')}
        </Title>
        {campaign.status === 'draft' && <Text size="sm">{t('email.send.draftHint')}</Text>}
        {campaign.status === 'scheduled' && campaign.scheduled_at && (
          <Text size="sm">{t('email.send.scheduledFor', { date: format.dateTime(campaign.scheduled_at) })}</Text>
        )}
        {sending && (
          <div aria-live="polite" data-testid="send-progress">
            <Text size="sm" fw={600}>
              {campaign.total_recipients === 0 && campaign.status === 'active'
                ? t('email.send.resolving')
                : t('email.send.progress', { sent: format.number(campaign.total_sent), total: format.number(campaign.total_recipients) })}
            </Text>
            <Progress value={progress * 100} mt={6} aria-label={t('email.send.progressLabel')} color={campaign.status === 'paused' ? 'orange' : 'teal'} />
            {/* Messages leave over 24 hours: say so, or the bar looks stuck. */}
            {campaign.send_time_optimization && campaign.status === 'active' && (
              <Text size="sm" c="dimmed" mt={4}>
                {t('email.sendTime.sendingHint')}
              </Text>
            )}
            {campaign.status === 'paused' && (
              <Text size="sm" c="dimmed" mt={4}>
                {t('email.send.pausedHint')}
              </Text>
            )}
          </div>
        )}
        {campaign.status === 'completed' && (
          <Text size="sm" aria-live="polite" data-testid="send-progress">
            {campaign.canceled_at
              ? t('email.send.canceledSummary', { sent: format.number(campaign.total_sent), date: format.dateTime(campaign.canceled_at) })
              : t('email.send.completedSummary', { sent: format.number(campaign.total_sent), date: campaign.sent_at ? format.dateTime(campaign.sent_at) : '' })}
          </Text>
        )}
        {dirty && (campaign.status === 'draft' || campaign.status === 'scheduled') && (
          <Alert color="orange" variant="light" p="xs">
            {t('email.send.saveFirst')}
          </Alert>
        )}
        {scheduling && (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="datetime-local"
              label={t('email.send.when')}
              value={when}
              min={toLocalInput(new Date(Date.now() + 60_000))}
              onChange={(event) => setWhen(event.currentTarget.value)}
            />
            <Button onClick={() => act.mutate('schedule')} loading={act.isPending && act.variables === 'schedule'} disabled={!when}>
              {t('email.send.confirmSchedule')}
            </Button>
            <Button variant="subtle" onClick={() => setScheduling(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        )}
        <Group gap="sm" wrap="wrap">
          {canEdit && (campaign.status === 'draft' || campaign.status === 'scheduled') && (
            <>
              <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setConfirm('send')} disabled={dirty}>
                {t('email.send.now')}
              </Button>
              {campaign.status === 'draft' && !scheduling && (
                <Button variant="default" onClick={() => setScheduling(true)} disabled={dirty}>
                  {t('email.send.schedule')}
                </Button>
              )}
              {campaign.status === 'scheduled' && (
                <Button variant="default" onClick={() => act.mutate('unschedule')} loading={act.isPending && act.variables === 'unschedule'}>
                  {t('email.send.unschedule')}
                </Button>
              )}
            </>
          )}
          {canEdit && campaign.status === 'active' && (
            <Button variant="default" leftSection={<IconPlayerPause size={16} aria-hidden />} onClick={() => act.mutate('pause')} loading={act.isPending}>
              {t('email.send.pause')}
            </Button>
          )}
          {canEdit && campaign.status === 'paused' && (
            <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => act.mutate('resume')} loading={act.isPending}>
              {t('email.send.resume')}
            </Button>
          )}
          {canEdit && (sending || campaign.status === 'scheduled') && (
            <Button variant="subtle" color="red" onClick={() => setConfirm('cancel')}>
              {t('email.send.cancel')}
            </Button>
          )}
          {hasReport && (
            <Anchor component={Link} to={`/email-marketing/campaigns/${campaign.id}/report`} fw={600}>
              {t('email.send.report')}
            </Anchor>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirm === 'send'}
        title={t('email.send.confirmTitle', { name: campaign.name })}
        confirmLabel={t('email.send.now')}
        confirmColor="blue"
        loading={act.isPending}
        onConfirm={() => act.mutate('send')}
        onClose={() => setConfirm(null)}
      >
        {t('email.send.confirmBody')}
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'cancel'}
        title={t('email.send.cancelTitle', { name: campaign.name })}
        confirmLabel={t('email.send.cancel')}
        loading={act.isPending}
        onConfirm={() => act.mutate('cancel')}
        onClose={() => setConfirm(null)}
      >
        {t('email.send.cancelBody')}
      </ConfirmModal>
    </Paper>
  );
}
