import { Alert, Anchor, Button, Group, List, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isCampaignEditable, type TAbTest, type TEmailCampaign } from '../../../../../contracts/email-campaigns.js';
import { ApiError, translateFieldError } from '../../../../lib/api.js';
import { notifyError } from '../../../../lib/errors.js';
import { useFormatters } from '../../../../lib/format.js';
import { CardSection } from '../../../../ui/card-section.js';
import { useSaveAbTest } from './ab-test-api.js';
import {
  AB_TESTED_FIELDS,
  changesSeveralFields,
  draftFieldOfError,
  draftFromTest,
  testFromDraft,
  testedField,
  variantKey,
  type TAbDraft,
  type TAbTestedField,
} from './ab-test-draft.js';
import { AbTestSettings } from './ab-test-settings.js';
import { AbVariantInputs } from './ab-variant-inputs.js';

type Props = {
  campaign: TEmailCampaign;
  canEdit: boolean;
  /** Unsaved changes here hold the send back, as the page's own do. */
  onDirtyChange: (dirty: boolean) => void;
  /** Send-time optimisation is on: the server refuses to send both, so a test cannot be turned on meanwhile. */
  sendTimeOn: boolean;
  /** Whether the switch is on, saved or not (the send-time card waits for it to be off). */
  onEnabledChange: (enabled: boolean) => void;
  /** A sequence's email: the test runs on every message of its step until a winner is found (no share, no end). */
  inSequence?: boolean;
};

/**
 * "Test A/B": variants of the subject, sender name, preview text or content, sent with the campaign (A) to part of
 * the recipients before the winner goes to the rest. Saved on its own (`PATCH { ab_test }`), as long as the
 * campaign's content may change; shown read-only afterwards, with the way to the report.
 */
export function AbTestCard({ campaign, canEdit, onDirtyChange, sendTimeOn, onEnabledChange, inSequence = false }: Props) {
  const { t } = useTranslation();
  const editable = isCampaignEditable(campaign);
  const readOnly = !editable || !canEdit;
  const phone = useMediaQuery('(max-width: 36em)');
  const fieldLabelId = useId();
  const save = useSaveAbTest(campaign.id);
  const form = useForm<TAbDraft>({
    initialValues: draftFromTest(campaign.ab_test),
    validate: (values) => {
      if (!values.enabled) return {};
      const errors: FormErrors = {};
      values.variants.forEach((value, index) => {
        if (value.trim() === '') errors[`variants.${index}`] = t('email.abTest.variantRequired');
      });
      if (values.sharePercent === '') errors.sharePercent = t('validation.required');
      if (values.durationHours === '') errors.durationHours = t('validation.required');
      return errors;
    },
  });
  // What each tested field's variants were, so trying another field and coming back loses nothing.
  const typed = useRef<Partial<Record<TAbTestedField, string[]>>>({});

  // Turned off, the variants typed meanwhile do not count: saving would change nothing.
  const dirty = form.values.enabled !== form.getInitialValues().enabled || (form.values.enabled && form.isDirty());
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => onEnabledChange(form.values.enabled), [form.values.enabled, onEnabledChange]);

  // Nothing to show: a sent campaign without a test, or a member who could not turn one on.
  if (!campaign.ab_test && readOnly) return null;
  // Gone out: what was tested, in short, and the way to its result.
  if (!editable && campaign.ab_test) return <AbTestSummary campaign={campaign} test={campaign.ab_test} />;

  const chooseField = (next: TAbTestedField) => {
    typed.current[form.values.field] = form.values.variants;
    // A content variant starts from the campaign's HTML: people change a part of it, not write it all again.
    const fresh = form.values.variants.map(() => (next === 'html_content' ? campaign.html_content : ''));
    form.setValues({ field: next, variants: typed.current[next] ?? fresh });
    form.clearErrors();
  };

  const submit = form.onSubmit((values) =>
    // In a sequence, share, duration and fallback do not apply: the server's rule runs until it finds a winner.
    save.mutate(testFromDraft(inSequence ? { ...values, sharePercent: 100, durationHours: 24, fallback: 'A' } : values), {
      onSuccess: (saved) => {
        const draft = draftFromTest(saved.ab_test);
        form.setInitialValues(draft);
        form.setValues(draft);
        notifications.show({ color: 'teal', message: t(saved.ab_test ? 'email.abTest.saved' : 'email.abTest.removed') });
      },
      onError: (error) => {
        const errors: FormErrors = {};
        if (error instanceof ApiError) {
          for (const fieldError of error.errors) {
            const field = draftFieldOfError(fieldError.path.replace(/^body\./, ''));
            if (field && !(field in errors)) errors[field] = translateFieldError(fieldError);
          }
        }
        if (Object.keys(errors).length > 0) form.setErrors(errors);
        else notifyError(error, t);
      },
    }),
  );

  const enabled = form.values.enabled;
  return (
    <CardSection title={t('email.abTest.title')} mb="lg">
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t(inSequence ? 'email.abTest.sequenceIntro' : 'email.abTest.intro')}
          </Text>
          <Switch
            label={t('email.abTest.enable')}
            // Turning a test off stays possible when both are on (set through the API): that ends the conflict.
            disabled={readOnly || (sendTimeOn && !enabled)}
            description={sendTimeOn && !enabled && !readOnly ? t('email.sendTime.blocksAbTest') : undefined}
            {...form.getInputProps('enabled', { type: 'checkbox' })}
          />
          {campaign.ab_test && changesSeveralFields(campaign.ab_test) && !readOnly && (
            <Alert color="orange" variant="light" p="xs">
              {t('email.abTest.mixed', { field: t(`email.abTest.field.${testedField(campaign.ab_test)}`) })}
            </Alert>
          )}
          {enabled && (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500} id={fieldLabelId}>
                  {t('email.abTest.field.label')}
                </Text>
                <SegmentedControl
                  aria-labelledby={fieldLabelId}
                  value={form.values.field}
                  onChange={(value) => chooseField(value as TAbTestedField)}
                  readOnly={readOnly}
                  orientation={phone ? 'vertical' : 'horizontal'}
                  fullWidth={phone}
                  data={AB_TESTED_FIELDS.map((field) => ({ value: field, label: t(`email.abTest.field.${field}`) }))}
                  style={phone ? undefined : { alignSelf: 'flex-start' }}
                />
              </Stack>
              <AbVariantInputs form={form} campaign={campaign} readOnly={readOnly} />
              <AbTestSettings form={form} campaignId={campaign.id} readOnly={readOnly} inSequence={inSequence} />
            </>
          )}
          {editable && !canEdit && (
            <Text size="sm" c="dimmed">
              {t('email.abTest.readOnly')}
            </Text>
          )}
          {/* Shown only with changes to save: the card then says so beside it, and the send waits for it. */}
          {!readOnly && dirty && (
            <Group gap="sm">
              <Button type="submit" loading={save.isPending}>
                {t('email.abTest.save')}
              </Button>
              <Text size="sm" c="dimmed" role="status">
                {t('email.abTest.unsaved')}
              </Text>
            </Group>
          )}
        </Stack>
      </form>
    </CardSection>
  );
}

/** A sent campaign's test, read-only: its settings in a sentence, A and each variant, and the link to the report. */
function AbTestSummary({ campaign, test }: { campaign: TEmailCampaign; test: TAbTest }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const field = testedField(test);
  const shown = (value: string | undefined) => (field === 'html_content' ? t('email.abTest.field.html_content') : value || t('email.abTest.controlEmpty'));
  return (
    <CardSection title={t('email.abTest.title')} mb="lg">
      <Text size="sm">
        {t('email.abTest.reviewSummary', {
          count: test.variants.length,
          field: t(`email.abTest.field.${field}`),
          share: format.percent(test.test_share, 1),
          hours: format.number(test.duration_hours),
        })}
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('email.abTest.summaryItem', { name: t('email.abTest.control'), value: shown(campaign[field]) })}</List.Item>
        {test.variants.map((variant, index) => (
          <List.Item key={index} style={{ overflowWrap: 'anywhere' }}>
            {t('email.abTest.summaryItem', { name: t('email.abTest.variant', { key: variantKey(index) }), value: shown(variant[field]) })}
          </List.Item>
        ))}
      </List>
      <Text size="sm">
        {t('email.abTest.locked')}{' '}
        <Anchor component={Link} to={`/email-marketing/campaigns/${campaign.id}/report`}>
          {t('email.abTest.reportLink')}
        </Anchor>
      </Text>
    </CardSection>
  );
}
