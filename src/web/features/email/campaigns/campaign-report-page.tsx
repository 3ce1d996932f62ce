import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  EMAIL_RECIPIENT_STATES,
  GOOD_CLICK_RATE,
  GOOD_OPEN_RATE,
  type TEmailCampaign,
  type TEmailCampaignReport,
} from '../../../../contracts/email-campaigns.js';
import { useFormatters } from '../../../lib/format.js';
import { TimeSeriesChart } from '../../../ui/charts/index.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { PageHeader } from '../../../ui/page-header.js';
import { QueryState } from '../../../ui/query-state.js';
import { CardSection } from '../../../ui/card-section.js';
import { useCampaignReport, useLiveCampaign, useReportRecipients, type TEmailRecipientState } from '../email-api.js';
import { CampaignStatusBadge } from './campaign-status-badge.js';
import { StatCard } from '../../../ui/stat-card.js';
import { AbTestReport } from './ab-test/ab-test-report.js';
import { ConversionsSection } from './report/conversions-section.js';
import { SendTimeReport } from './send-time/send-time-report.js';

/** /email-marketing/campaigns/:id/report: what a campaign did, live while it sends. */
export function CampaignReportPage() {
  const { id = '' } = useParams();
  const campaign = useLiveCampaign(id);
  return <QueryState query={campaign}>{(data) => <Report campaign={data} />}</QueryState>;
}

function Report({ campaign }: { campaign: TEmailCampaign }) {
  const { t } = useTranslation();
  const report = useCampaignReport(campaign.id, campaign.status === 'active');
  // The last numbers of a send (or of an A/B test's rest) arrive with its end: asked once more when the status moves.
  const { refetch } = report;
  const seenStatus = useRef(campaign.status);
  useEffect(() => {
    if (seenStatus.current === campaign.status) return;
    seenStatus.current = campaign.status;
    void refetch();
  }, [campaign.status, refetch]);
  return (
    <>
      <Anchor
        component={Link}
        to={`/email-marketing/campaigns/${campaign.id}`}
        size="sm"
        mb="xs"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} aria-hidden />
        {t('email.report.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <PageHeader title={t('email.report.title', { name: campaign.name })} description={campaign.subject} />
        <CampaignStatusBadge campaign={campaign} />
      </Group>
      <QueryState query={report}>{(data) => <ReportBody campaign={campaign} report={data} />}</QueryState>
    </>
  );
}

/** A report number, with a "Bon" / "À améliorer" badge for the rates that have a mark. */
function Stat({ label, value, detail, good }: { label: string; value: string; detail?: string; good?: boolean | null }) {
  const { t } = useTranslation();
  const badge =
    good == null ? undefined : (
      <Badge variant="light" color={good ? 'teal' : 'orange'}>
        {good ? t('email.report.good') : t('email.report.belowGood')}
      </Badge>
    );
  return <StatCard label={label} value={value} detail={detail} badge={badge} />;
}

function ReportBody({ campaign, report }: { campaign: TEmailCampaign; report: TEmailCampaignReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const pct = (rate: number | null) => (rate === null ? '—' : format.percent(rate, 1));
  const hourLabel = (iso: string) => format.dateTime(iso);
  return (
    <Stack gap="lg">
      {report.kept_in_outbox > 0 && (
        <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-blue-light)">
          <Text size="sm">{t('email.report.outboxNote', { count: report.kept_in_outbox, formatted: format.number(report.kept_in_outbox) })}</Text>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Stat
          label={t('email.report.recipients')}
          value={format.number(report.recipients)}
          detail={report.queued > 0 ? t('email.report.queued', { formatted: format.number(report.queued) }) : undefined}
        />
        <Stat
          label={t('email.report.delivered')}
          value={format.number(report.delivered)}
          detail={t('email.report.sentOf', { formatted: format.number(report.sent) })}
        />
        <Stat
          label={t('email.report.openRate')}
          value={pct(report.open_rate)}
          good={report.open_rate === null ? null : report.open_rate >= GOOD_OPEN_RATE}
          detail={t('email.report.uniqueOf', {
            unique: format.number(report.opens.unique),
            total: format.number(report.opens.total),
            machine: format.number(report.opens.machine),
          })}
        />
        <Stat
          label={t('email.report.clickRate')}
          value={pct(report.click_rate)}
          good={report.click_rate === null ? null : report.click_rate >= GOOD_CLICK_RATE}
          detail={t('email.report.uniqueOf', {
            unique: format.number(report.clicks.unique),
            total: format.number(report.clicks.total),
            machine: format.number(report.clicks.machine),
          })}
        />
        <Stat
          label={t('email.report.bounces')}
          value={format.number(report.bounces.hard + report.bounces.soft)}
          detail={t('email.report.bounceDetail', { hard: format.number(report.bounces.hard), soft: format.number(report.bounces.soft) })}
        />
        <Stat
          label={t('email.report.unsubscribed')}
          value={format.number(report.unsubscribed)}
          detail={t('email.report.complaints', { formatted: format.number(report.complained) })}
        />
      </SimpleGrid>
      <ConversionsSection conversions={report.conversions} delivered={report.delivered} />
      {report.ab_test && <AbTestReport campaign={campaign} test={report.ab_test} />}
      {report.send_time && <SendTimeReport sendTime={report.send_time} queued={report.queued} />}
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md">
        <TimeSeriesChart
          title={t('email.report.timeline')}
          rowHeader={t('email.report.hour')}
          points={report.timeline.map((h) => ({ label: hourLabel(h.hour), values: { opens: h.opens, clicks: h.clicks } }))}
          series={[
            { key: 'opens', label: t('email.report.opens') },
            { key: 'clicks', label: t('email.report.clicks') },
          ]}
          valueFormatter={(v) => format.number(v)}
          empty={report.timeline.length === 0 ? t('email.report.noActivity') : false}
        />
      </Paper>
      <CardSection title={t('email.report.links')}>
        {report.links.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('email.report.noLinks')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('email.report.link')}</Table.Th>
                  <Table.Th ta="right">{t('email.report.uniqueClicks')}</Table.Th>
                  <Table.Th ta="right">{t('email.report.totalClicks')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.links.map((link) => (
                  <Table.Tr key={link.id}>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{link.url}</Table.Td>
                    <Table.Td ta="right">{format.number(link.unique_clicks)}</Table.Td>
                    <Table.Td ta="right">{format.number(link.clicks)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </CardSection>
      <RecipientsSection campaignId={campaign.id} />
    </Stack>
  );
}

function RecipientsSection({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [state, setState] = useState<TEmailRecipientState | null>(null);
  const recipients = useReportRecipients(campaignId, state);
  const rows = recipients.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <CardSection title={t('email.report.recipientsTitle')}>
      <Select
        label={t('email.report.state')}
        data={[{ value: '', label: t('email.report.allStates') }, ...EMAIL_RECIPIENT_STATES.map((s) => ({ value: s, label: t(`email.report.states.${s}`) }))]}
        value={state ?? ''}
        onChange={(value) => setState(value ? (value as TEmailRecipientState) : null)}
        allowDeselect={false}
        maw={280}
      />
      {recipients.isSuccess && rows.length === 0 ? (
        <EmptyState compact message={t('email.report.noRecipients')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('email.report.email')}</Table.Th>
                <Table.Th>{t('email.report.state')}</Table.Th>
                <Table.Th>{t('email.report.openedAt')}</Table.Th>
                <Table.Th>{t('email.report.clickedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/crm/leads/${r.lead_id}`}>
                      {r.email}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {t(`email.report.sendStatus.${r.status}`)}
                    {r.unsubscribed_at ? ` · ${t('email.report.states.unsubscribed')}` : ''}
                  </Table.Td>
                  <Table.Td>{r.opened_at ? format.dateTime(r.opened_at) : '—'}</Table.Td>
                  <Table.Td>{r.clicked_at ? format.dateTime(r.clicked_at) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {recipients.hasNextPage && (
        <Button variant="default" onClick={() => void recipients.fetchNextPage()} loading={recipients.isFetchingNextPage}>
          {t('email.report.more')}
        </Button>
      )}
    </CardSection>
  );
}
