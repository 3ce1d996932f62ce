import { Accordion, Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFlask, IconTrophy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAbTestReport, TAbVariantKey, TEmailCampaign } from '../../../../../contracts/email-campaigns.js';
import { notifyError } from '../../../../lib/errors.js';
import { useFormatters } from '../../../../lib/format.js';
import { CardSection } from '../../../../ui/card-section.js';
import { ConfirmModal } from '../../../../ui/confirm-modal.js';
import { useSignedInMe } from '../../../auth/session.js';
import { usePickWinner } from './ab-test-api.js';
import { AbIntervalChart } from './ab-interval-chart.js';
import { AbVariantsTable } from './ab-variants-table.js';
import { AB_MIN_DELIVERED, AB_MIN_PAYING, AB_WIN_THRESHOLD, decidedWords, stateWords, variantName, verdictSentences } from './ab-words.js';

const STATE_COLORS = { testing: 'blue', decided: 'teal', waiting_for_choice: 'orange' } as const;
const VERDICT_COLORS = { winner: 'teal', no_clear_winner: 'gray', blocked: 'orange' } as const;

/**
 * The report's "Test A/B": where the test stands, the rule's verdict in plain words, each variant's numbers, what
 * became of the rest, and, while the test runs or waits for a choice, a way to pick the winner by hand.
 */
export function AbTestReport({ campaign, test }: { campaign: TEmailCampaign; test: TAbTestReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const me = useSignedInMe();
  const pick = usePickWinner(campaign.id);
  const [choosing, setChoosing] = useState<TAbVariantKey | null>(null);
  // The server accepts a choice only while the campaign sends (active or paused) and the test is undecided.
  const canChoose =
    me.role !== 'viewer' && (test.state === 'testing' || test.state === 'waiting_for_choice') && (campaign.status === 'active' || campaign.status === 'paused');
  const verdict = verdictSentences(test, t, format);
  const revenue = test.metric === 'revenue_per_recipient';
  const decided = decidedWords(test, t, format);
  // Once decided, the outcome leads (green, a trophy); before, the rule's verdict on the numbers so far.
  const decidedState = test.state === 'decided';
  const VerdictIcon = decidedState || test.decision.kind === 'winner' ? IconTrophy : test.decision.kind === 'blocked' ? IconAlertTriangle : IconFlask;
  const verdictColor = decidedState ? 'teal' : VERDICT_COLORS[test.decision.kind];
  const noRest = test.rest.waiting + test.rest.sent === 0;

  const confirm = () => {
    if (!choosing) return;
    pick.mutate(choosing, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('email.abTest.report.chosen', { key: choosing }) });
        setChoosing(null);
      },
      onError: (error) => {
        setChoosing(null);
        notifyError(error, t);
      },
    });
  };

  return (
    <CardSection title={t('email.abTest.report.title')}>
      <Group gap="sm" wrap="wrap">
        <Badge color={STATE_COLORS[test.state]} variant="light" size="lg" style={{ textTransform: 'none' }} data-testid="ab-state">
          {stateWords(test, t, format)}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('email.abTest.report.summary', {
            metric: t(`email.abTest.metricsLower.${test.metric}`),
            share: format.percent(test.test_share, 1),
            hours: format.number(test.duration_hours),
          })}
        </Text>
      </Group>
      <Alert
        color={verdictColor}
        variant="light"
        icon={<VerdictIcon size={18} aria-hidden />}
        title={test.state === 'testing' ? t('email.abTest.report.provisional') : undefined}
        aria-live="polite"
        data-testid="ab-verdict"
      >
        <Stack gap={4}>
          {decided && <Text fw={600}>{decided}</Text>}
          {/* A member's choice may differ from the rule's verdict: say whose words follow. */}
          {decided && test.decided_by === 'manual' && (
            <Text size="sm" c="dimmed">
              {t('email.abTest.report.ruleSaid')}
            </Text>
          )}
          {verdict.map((sentence, i) => (
            <Text key={i} size="sm" fw={i === 0 && !decided ? 600 : undefined}>
              {sentence}
            </Text>
          ))}
        </Stack>
      </Alert>
      <Text fw={600} data-testid="ab-rest">
        {noRest
          ? t('email.abTest.report.rest.none')
          : [
              test.rest.waiting > 0 && t('email.abTest.report.rest.waiting', { count: test.rest.waiting, formatted: format.number(test.rest.waiting) }),
              test.rest.sent > 0 && t('email.abTest.report.rest.sent', { count: test.rest.sent, formatted: format.number(test.rest.sent) }),
            ]
              .filter(Boolean)
              .join(' · ')}
      </Text>
      <AbVariantsTable test={test} onChoose={canChoose ? setChoosing : undefined} />
      <AbIntervalChart test={test} />
      <Accordion variant="contained" chevronPosition="left">
        <Accordion.Item value="how">
          <Accordion.Control>{t('email.abTest.report.how.title')}</Accordion.Control>
          <Accordion.Panel>
            <List size="sm" spacing="xs">
              <List.Item>
                {t('email.abTest.report.how.split', { hours: format.number(test.duration_hours), metric: t(`email.abTest.metricsLower.${test.metric}`) })}
              </List.Item>
              <List.Item>
                {t(revenue ? 'email.revenue.abHowRule' : 'email.abTest.report.how.rule', {
                  threshold: format.percent(AB_WIN_THRESHOLD),
                  min: format.number(AB_MIN_DELIVERED),
                  paying: format.number(AB_MIN_PAYING),
                })}
              </List.Item>
              <List.Item>{t('email.abTest.report.how.fallback', { fallback: variantName(test.fallback, t) })}</List.Item>
              <List.Item>{t('email.abTest.report.how.blocked')}</List.Item>
              <List.Item>{t(revenue ? 'email.revenue.abHowChances' : 'email.abTest.report.how.chances')}</List.Item>
            </List>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      <ConfirmModal
        opened={choosing !== null}
        title={
          test.rest.waiting > 0
            ? t('email.abTest.report.chooseTitle', { key: choosing ?? '', count: test.rest.waiting, formatted: format.number(test.rest.waiting) })
            : t('email.abTest.report.chooseTitleNoRest', { key: choosing ?? '' })
        }
        confirmLabel={t(test.rest.waiting > 0 ? 'email.abTest.report.chooseConfirm' : 'email.abTest.report.chooseConfirmNoRest', { key: choosing ?? '' })}
        confirmColor="blue"
        loading={pick.isPending}
        onConfirm={confirm}
        onClose={() => setChoosing(null)}
      >
        {t(test.rest.waiting > 0 ? 'email.abTest.report.chooseBody' : 'email.abTest.report.chooseBodyNoRest')}
      </ConfirmModal>
    </CardSection>
  );
}
