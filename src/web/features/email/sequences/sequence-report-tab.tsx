import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ENROLLMENT_EXIT_REASONS, flattenSteps, type TSequence, type TSequenceReport } from '../../../../contracts/email-sequences.js';
import { useFormatters } from '../../../lib/format.js';
import { CardSection } from '../../../ui/card-section.js';
import { StageFunnelChart } from '../../../ui/charts/index.js';
import { QueryState } from '../../../ui/query-state.js';
import { StatCard as Stat } from '../../../ui/stat-card.js';
import { useDescribeStep } from './describe-step.js';
import { useSequenceEmails, useSequenceReport } from './sequences-api.js';

/** "Rapport": totals, why leads left, the funnel of the email steps and every step's numbers. */
export function SequenceReportTab({ sequence }: { sequence: TSequence }) {
  const report = useSequenceReport(sequence.id);
  return <QueryState query={report}>{(data) => <ReportBody sequence={sequence} report={data} />}</QueryState>;
}

function ReportBody({ sequence, report }: { sequence: TSequence; report: TSequenceReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const describe = useDescribeStep(useSequenceEmails(sequence.steps));
  const { totals } = report;
  const rate = (part: number, whole: number) => (whole > 0 ? format.percent(part / whole, 1) : '—');
  const stepsById = new Map(flattenSteps(sequence.steps).map(({ step }) => [step.id, step]));
  const nameOf = (row: TSequenceReport['steps'][number]) => {
    if (row.email) return t('email.sequences.describe.email', { subject: row.email.subject || t('email.card.noSubject') });
    const step = stepsById.get(row.step_id);
    return step ? describe(step) : t(`email.sequences.types.${row.type}`);
  };
  const emailRows = report.steps.filter((row) => row.email !== null);
  const funnel = [
    { label: t('email.sequences.totals.enrolled'), value: totals.enrolled },
    ...emailRows.map((row, i) => ({ label: t('email.sequences.report.emailN', { n: i + 1 }), value: row.email!.sent, detail: row.email!.subject })),
    { label: t('email.sequences.totals.conversions'), value: totals.conversions },
  ];
  const exits = ENROLLMENT_EXIT_REASONS.map((reason) => ({ reason, count: report.exits[reason] ?? 0 })).filter((exit) => exit.count > 0);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
        <Stat label={t('email.sequences.totals.enrolled')} value={format.number(totals.enrolled)} />
        <Stat label={t('email.sequences.totals.active')} value={format.number(totals.active)} />
        <Stat label={t('email.sequences.totals.completed')} value={format.number(totals.completed)} />
        <Stat label={t('email.sequences.totals.exited')} value={format.number(totals.exited)} />
        <Stat label={t('email.sequences.totals.conversions')} value={format.number(totals.conversions)} />
        <Stat
          label={t('email.sequences.totals.conversionRate')}
          value={totals.conversion_rate === null ? '—' : format.percent(totals.conversion_rate, 1)}
          detail={t('email.sequences.report.ofEnrolledShort')}
        />
        {/* Not the goal's conversions above: leads won and orders after a click in its emails, as in a campaign's report. */}
        <Stat label={t('email.sequences.totals.revenue')} value={format.money(totals.revenue)} detail={t('email.revenue.sequenceHint')} />
        <Stat
          label={t('email.revenue.orders')}
          value={format.number(totals.orders.count)}
          detail={
            totals.orders.refunded > 0
              ? t('email.revenue.ordersRefunded', { revenue: format.money(totals.orders.revenue), refunded: format.money(totals.orders.refunded) })
              : t('email.revenue.ordersDetail', { revenue: format.money(totals.orders.revenue) })
          }
        />
        <Stat label={t('email.sequences.totals.sent')} value={format.number(totals.sent)} />
        <Stat label={t('email.sequences.totals.openRate')} value={rate(totals.opened, totals.sent)} detail={format.number(totals.opened)} />
        <Stat label={t('email.sequences.totals.clickRate')} value={rate(totals.clicked, totals.sent)} detail={format.number(totals.clicked)} />
        <Stat label={t('email.sequences.totals.unsubscribed')} value={format.number(totals.unsubscribed)} />
      </SimpleGrid>
      <CardSection title={t('email.sequences.report.funnel')}>
        <StageFunnelChart
          title={t('email.sequences.report.funnel')}
          rowHeader={t('email.sequences.report.stage')}
          valueHeader={t('email.sequences.report.leads')}
          detailHeader={t('email.sequences.report.subject')}
          items={funnel}
          valueFormatter={(value) => format.number(value)}
          empty={totals.enrolled === 0 ? t('email.sequences.report.noData') : false}
        />
      </CardSection>
      <CardSection title={t('email.sequences.report.exits')}>
        {exits.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('email.sequences.report.noExits')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={280}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('email.sequences.report.reason')}</Table.Th>
                  <Table.Th ta="right">{t('email.sequences.report.leads')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {exits.map((exit) => (
                  <Table.Tr key={exit.reason}>
                    <Table.Td>{t(`email.sequences.exitReasons.${exit.reason}`)}</Table.Td>
                    <Table.Td ta="right">{format.number(exit.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </CardSection>
      <CardSection title={t('email.sequences.report.perStep')}>
        <Table.ScrollContainer minWidth={980}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('email.sequences.report.step')}</Table.Th>
                {(['waiting', 'sent', 'delivered', 'opened', 'clicked', 'unsubscribed', 'bounced'] as const).map((column) => (
                  <Table.Th key={column} ta="right">
                    {t(`email.sequences.report.columns.${column}`)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('email.revenue.orders')}</Table.Th>
                <Table.Th ta="right">{t('email.revenue.revenueColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.steps.map((row) => (
                <Table.Tr key={row.step_id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{nameOf(row)}</Table.Td>
                  <Table.Td ta="right">{format.number(row.waiting)}</Table.Td>
                  {(['sent', 'delivered', 'opened', 'clicked', 'unsubscribed', 'bounced'] as const).map((column) => (
                    <Table.Td key={column} ta="right">
                      {row.email ? format.number(row.email[column]) : '—'}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{row.email ? format.number(row.email.orders) : '—'}</Table.Td>
                  <Table.Td ta="right">{row.email ? format.money(row.email.revenue) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </CardSection>
    </Stack>
  );
}
