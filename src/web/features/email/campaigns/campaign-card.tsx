import { Badge, Button, Group, Paper, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GOOD_CLICK_RATE, GOOD_OPEN_RATE, type TEmailCampaignSummary } from '../../../../contracts/email-campaigns.js';
import { useFormatters } from '../../../lib/format.js';
import { CampaignStatusBadge } from './campaign-status-badge.js';

type Props = { campaign: TEmailCampaignSummary; onDuplicate: (campaign: TEmailCampaignSummary) => void; duplicating: boolean; canEdit: boolean };

/** A campaign as the spec draws it: name, status and audience, open and click rates against the "good" marks, Voir / Dupliquer / Rapport. */
export function CampaignCard({ campaign, onDuplicate, duplicating, canEdit }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sent = campaign.sent_at !== null;
  const when = sent
    ? t('email.card.sentOn', { date: format.date(campaign.sent_at!) })
    : campaign.scheduled_at
      ? t('email.card.scheduledFor', { date: format.date(campaign.scheduled_at) })
      : t('email.card.createdOn', { date: format.date(campaign.created_at) });
  const titleId = `campaign-${campaign.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h4" id={titleId} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {campaign.name}
          </Title>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {campaign.ab_test && (
              <Tooltip label={t('email.abTest.badgeLabel')} withArrow>
                <Badge variant="outline" color="grape">
                  <span aria-hidden>{t('email.abTest.badge')}</span>
                  <VisuallyHidden>{t('email.abTest.badgeLabel')}</VisuallyHidden>
                </Badge>
              </Tooltip>
            )}
            <CampaignStatusBadge campaign={campaign} />
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {when}
          {sent && ` • ${t('email.card.contacts', { count: campaign.total_recipients, formatted: format.number(campaign.total_recipients) })}`}
        </Text>
        <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }} c={campaign.subject ? undefined : 'dimmed'}>
          {campaign.subject || t('email.card.noSubject')}
        </Text>
        <Group gap="lg">
          <Rate label={t('email.card.openRate')} value={campaign.open_rate} good={GOOD_OPEN_RATE} />
          <Rate label={t('email.card.clickRate')} value={campaign.click_rate} good={GOOD_CLICK_RATE} />
        </Group>
        <Group gap="xs" mt="auto">
          <Button size="xs" variant="light" component={Link} to={`/email-marketing/campaigns/${campaign.id}`}>
            {t('email.card.view')}
          </Button>
          {canEdit && (
            <Button size="xs" variant="subtle" loading={duplicating} onClick={() => onDuplicate(campaign)}>
              {t('email.card.duplicate')}
            </Button>
          )}
          {sent ? (
            <Button size="xs" variant="subtle" component={Link} to={`/email-marketing/campaigns/${campaign.id}/report`}>
              {t('email.card.report')}
            </Button>
          ) : (
            <Tooltip label={t('email.card.reportLater')} multiline w={240} withArrow>
              <Button size="xs" variant="subtle" data-disabled aria-disabled="true" onClick={(event) => event.preventDefault()}>
                {t('email.card.report')}
              </Button>
            </Tooltip>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** "45 % ouverture", green with a check at or above the good mark, red with a warning below; a dash before anything is delivered. */
function Rate({ label, value, good }: { label: string; value: number | null; good: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (value === null) {
    return (
      <Text size="sm" c="dimmed">
        — {label}
      </Text>
    );
  }
  const isGood = value >= good;
  const verdict = t(isGood ? 'email.card.good' : 'email.card.low', { mark: format.percent(good) });
  const Icon = isGood ? IconCircleCheck : IconAlertTriangle;
  const color = isGood ? 'var(--mantine-color-teal-text)' : 'var(--mantine-color-red-text)';
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={16} color={color} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="sm">
        <Text span fw={700} style={{ color }}>
          {format.percent(value)}
        </Text>{' '}
        {label}
        <VisuallyHidden> ({verdict})</VisuallyHidden>
      </Text>
    </Group>
  );
}
