import { List, SimpleGrid, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TEmailCampaignReport } from '../../../../../contracts/email-campaigns.js';
import { useFormatters, type TFormatters } from '../../../../lib/format.js';
import { CardSection } from '../../../../ui/card-section.js';
import { StatCard } from '../../../../ui/stat-card.js';

type TSendTime = NonNullable<TEmailCampaignReport['send_time']>;
type TGroup = TSendTime['optimized'];

const BASES = ['own_history', 'workspace', 'none'] as const;

/** "x ouvreurs sur y délivrés · z destinataires": what a group's rate is made of. */
function groupDetail(group: TGroup, t: TFunction, format: TFormatters): string {
  return t('email.sendTime.report.groupDetail', {
    opened: format.number(group.opened),
    delivered: format.number(group.delivered),
    recipients: format.number(group.recipients),
  });
}

/**
 * The report's "Heure d'envoi optimale": the optimised recipients' open rate beside the holdout's, the gap in
 * points said cautiously (one send, no test of significance), how each hour was chosen, and the last send still due.
 */
export function SendTimeReport({ sendTime, queued }: { sendTime: TSendTime; queued: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { optimized, holdout, basis } = sendTime;
  const pct = (rate: number | null) => (rate === null ? '—' : format.percent(rate, 1));
  // Percentage points, rounded to a tenth as the rates are shown, so the sentence matches the two cards.
  const gap = optimized.open_rate === null || holdout.open_rate === null ? null : Math.round((optimized.open_rate - holdout.open_rate) * 1000) / 10;
  const points = gap === null ? '' : t('email.sendTime.report.points', { count: Math.abs(gap), formatted: format.number(Math.abs(gap), 1) });
  const gapSentence =
    gap === null
      ? t('email.sendTime.report.noDifference')
      : gap > 0
        ? t('email.sendTime.report.better', { points })
        : gap < 0
          ? t('email.sendTime.report.worse', { points })
          : t('email.sendTime.report.same');
  const bases = BASES.filter((key) => basis[key] > 0);
  return (
    <CardSection title={t('email.sendTime.report.title')}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <StatCard label={t('email.sendTime.report.optimized')} value={pct(optimized.open_rate)} detail={groupDetail(optimized, t, format)} />
        <StatCard label={t('email.sendTime.report.holdout')} value={pct(holdout.open_rate)} detail={groupDetail(holdout, t, format)} />
      </SimpleGrid>
      <div data-testid="send-time-gap">
        <Text fw={600}>{gapSentence}</Text>
        {gap !== null && (
          <Text size="sm" c="dimmed">
            {t('email.sendTime.report.caution')}
          </Text>
        )}
      </div>
      {bases.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t('email.sendTime.report.basisTitle')}
          </Text>
          <List size="sm" spacing={4}>
            {bases.map((key) => (
              <List.Item key={key}>{t(`email.sendTime.report.basis.${key}`, { count: basis[key], formatted: format.number(basis[key]) })}</List.Item>
            ))}
          </List>
        </>
      )}
      {/* Only while messages wait for their hour: afterwards the date says nothing the status does not. */}
      {queued > 0 && sendTime.last_scheduled_at && (
        <Text size="sm">{t('email.sendTime.report.lastScheduled', { date: format.dateTime(sendTime.last_scheduled_at) })}</Text>
      )}
    </CardSection>
  );
}
