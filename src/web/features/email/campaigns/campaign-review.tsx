import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TEmailCampaign } from '../../../../contracts/email-campaigns.js';
import { CardSection } from '../../../ui/card-section.js';
import { useFormatters } from '../../../lib/format.js';
import { RecipientsCount } from './recipients-count.js';
import { testedField } from './ab-test/ab-test-draft.js';

/** The last step of "+ Créer": what will go, to whom and from whom, before the send or the schedule. */
export function CampaignReview({ campaign, onPreview }: { campaign: TEmailCampaign; onPreview: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const sender = campaign.from_email
    ? `${campaign.from_name || t('email.review.workspaceName')} <${campaign.from_email}>`
    : campaign.from_name
      ? `${campaign.from_name} · ${t('email.review.defaultAddress')}`
      : t('email.review.defaultSender');
  const rows: [string, string][] = [
    [t('email.fields.subject'), campaign.subject || t('email.review.noSubject')],
    [t('email.fields.preheader'), campaign.preheader || t('email.review.none')],
    [t('email.review.from'), sender],
    [t('email.review.content'), campaign.editor_document ? t('emailEditor.mode.blocks') : t('emailEditor.mode.html')],
  ];
  const test = campaign.ab_test;
  if (test) {
    rows.push([
      t('email.abTest.review'),
      t('email.abTest.reviewSummary', {
        count: test.variants.length,
        field: t(`email.abTest.field.${testedField(test)}`),
        share: format.percent(test.test_share, 1),
        hours: format.number(test.duration_hours),
      }),
    ]);
  }
  if (campaign.send_time_optimization) rows.push([t('email.sendTime.review'), t('email.sendTime.reviewOn')]);
  return (
    <CardSection title={t('email.steps.review')}>
      <RecipientsCount campaignId={campaign.id} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" style={{ margin: 0 }}>
        {rows.map(([label, value]) => (
          <Stack key={label} gap={0}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <Button variant="default" onClick={onPreview} style={{ alignSelf: 'flex-start' }}>
        {t('email.preview.open')}
      </Button>
    </CardSection>
  );
}
