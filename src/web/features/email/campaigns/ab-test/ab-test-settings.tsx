import { Anchor, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  AB_MIN_DELIVERED,
  AB_MIN_PAYING,
  AB_TEST_METRICS,
  AB_WIN_PROBABILITY,
  type TAbTestMetric,
  type TAbVariantKey,
} from '../../../../../contracts/email-campaigns.js';
import { useFormatters } from '../../../../lib/format.js';
import { NumberField } from '../../../../ui/number-field.js';
import { useCampaignRecipients } from '../../email-api.js';
import { splitShares, variantKeys, type TAbDraft } from './ab-test-draft.js';

const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

type Props = {
  form: UseFormReturnType<TAbDraft>;
  campaignId: string;
  readOnly: boolean;
  /** A sequence's email: every message is in the test until a winner is found; no share, duration or fallback. */
  inSequence?: boolean;
};

/** How much of the audience is tested, on which rate, for how long, and what goes without a clear winner. */
export function AbTestSettings({ form, campaignId, readOnly, inSequence = false }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { values } = form;
  const keys = variantKeys(values.variants.length);
  const nameOf = (key: TAbVariantKey) => (key === 'A' ? t('email.abTest.control') : t('email.abTest.variant', { key }));
  if (inSequence) {
    return (
      <Stack gap="sm">
        <Select
          label={t('email.abTest.metric')}
          data={AB_TEST_METRICS.map((metric) => ({ value: metric, label: t(`email.abTest.metrics.${metric}`) }))}
          allowDeselect={false}
          readOnly={readOnly}
          maw={420}
          {...form.getInputProps('metric')}
          onChange={(value) => value && form.setFieldValue('metric', value as TAbTestMetric)}
        />
        <Text size="sm">
          {t('email.abTest.sequenceRule', { threshold: format.percent(AB_WIN_PROBABILITY), min: format.number(AB_MIN_DELIVERED) })}{' '}
          <Anchor component={Link} to={`/email-marketing/campaigns/${campaignId}/report`}>
            {t('email.abTest.reportLink')}
          </Anchor>
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      {/* Descriptions under the inputs, so the three inputs line up whatever the length of their hints. */}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberField
          label={t('email.abTest.share')}
          inputWrapperOrder={BELOW}
          description={t('email.abTest.shareHint')}
          min={2}
          max={100}
          decimals={1}
          rightSection={<Text size="sm">%</Text>}
          readOnly={readOnly}
          {...form.getInputProps('sharePercent')}
        />
        <Select
          label={t('email.abTest.metric')}
          inputWrapperOrder={BELOW}
          data={AB_TEST_METRICS.map((metric) => ({ value: metric, label: t(`email.abTest.metrics.${metric}`) }))}
          allowDeselect={false}
          readOnly={readOnly}
          {...form.getInputProps('metric')}
          onChange={(value) => value && form.setFieldValue('metric', value as TAbTestMetric)}
        />
        <NumberField
          label={t('email.abTest.duration')}
          inputWrapperOrder={BELOW}
          description={t('email.abTest.durationHint')}
          min={1}
          max={168}
          decimals={0}
          readOnly={readOnly}
          {...form.getInputProps('durationHours')}
        />
      </SimpleGrid>
      <ShareSentence campaignId={campaignId} sharePercent={values.sharePercent} variantCount={values.variants.length} />
      <Text size="sm" c="dimmed">
        {values.metric === 'revenue_per_recipient' ? t('email.revenue.abMetricHint', { paying: format.number(AB_MIN_PAYING) }) : t('email.abTest.metricHint')}
      </Text>
      <Select
        label={t('email.abTest.fallback')}
        description={t('email.abTest.fallbackHint')}
        data={keys.map((key) => ({ value: key, label: nameOf(key) }))}
        allowDeselect={false}
        readOnly={readOnly}
        maw={420}
        {...form.getInputProps('fallback')}
        onChange={(value) => value && form.setFieldValue('fallback', value as TAbVariantKey)}
      />
    </Stack>
  );
}

/** "20 % des destinataires reçoivent le test (10 % chacune des 2 variantes), les 80 % restants recevront la gagnante." */
function ShareSentence({ campaignId, sharePercent, variantCount }: { campaignId: string; sharePercent: number | ''; variantCount: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const recipients = useCampaignRecipients(campaignId);
  if (sharePercent === '') return null;
  const split = splitShares(sharePercent, variantCount);
  const pct = (ratio: number) => format.percent(ratio, 1);
  const words =
    split.rest <= 0
      ? t('email.abTest.shareAll', { each: pct(split.each), count: split.versions })
      : t('email.abTest.shareSentence', { test: pct(split.test), each: pct(split.each), count: split.versions, rest: pct(split.rest) });
  const count = recipients.data?.count ?? 0;
  const inTest = Math.round(count * split.test);
  return (
    <div aria-live="polite">
      <Text size="sm" fw={500}>
        {words}
      </Text>
      {count > 0 && split.rest > 0 && (
        <Text size="sm" c="dimmed">
          {t('email.abTest.shareToday', { test: format.number(inTest), rest: format.number(count - inTest) })}
        </Text>
      )}
    </div>
  );
}
