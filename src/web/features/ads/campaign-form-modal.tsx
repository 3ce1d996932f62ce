import { Divider, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AD_CAMPAIGN_STATUSES, AD_PLATFORMS, MAX_AD_AMOUNT, type TAdCampaign } from '../../../contracts/ads.js';
import { PRODUCT_CURRENCIES } from '../../../contracts/commerce-products.js';
import { notifyError } from '../../lib/errors.js';
import { useFormatters } from '../../lib/format.js';
import { FormActions } from '../../ui/form-actions.js';
import { NumberField } from '../../ui/number-field.js';
import { useCreateAdCampaign, useUpdateAdCampaign } from './ads-api.js';
import { AudienceFields } from './audience-fields.js';
import { campaignFieldErrors, campaignValues, createBody, updateBody, type TCampaignValues } from './campaign-form.js';

type Props = {
  /** `null`: closed; `'new'`: "+ Créer"; a campaign: "Modifier". */
  target: TAdCampaign | 'new' | null;
  onClose: () => void;
  onSaved?: (campaign: TAdCampaign) => void;
};

/** "+ Créer" and "Modifier": every field of the spec's AdCampaign, the server's field errors in place. */
export function CampaignFormModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const campaign = target === 'new' ? null : target;
  return (
    <Modal opened={target !== null} onClose={onClose} title={t(campaign ? 'ads.form.editTitle' : 'ads.form.createTitle')} size="xl" fullScreen={phone}>
      {target !== null && <CampaignForm key={campaign?.id ?? 'new'} campaign={campaign} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Divider />
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

const URL_PATTERN = /^https?:\/\/\S+$/i;
const UTM_PATTERN = /^\S+$/;

function CampaignForm({ campaign, onClose, onSaved }: { campaign: TAdCampaign | null; onClose: () => void; onSaved?: (c: TAdCampaign) => void }) {
  const { t } = useTranslation();
  const { currency } = useFormatters();
  const create = useCreateAdCampaign();
  const update = useUpdateAdCampaign();
  const initial = campaignValues(campaign, currency);
  const url = (value: string) => (value.trim() === '' || URL_PATTERN.test(value.trim()) ? null : t('ads.form.urlInvalid'));
  const utm = (value: string) => (value.trim() === '' || UTM_PATTERN.test(value.trim()) ? null : t('ads.form.utmSpaces'));
  const form = useForm<TCampaignValues>({
    initialValues: initial,
    validate: {
      name: (value) => (value.trim() === '' ? t('validation.required') : null),
      image_url: url,
      video_url: url,
      utm_campaign: utm,
      utm_source: utm,
      age_max: (value, values) => (value !== '' && values.age_min !== '' && value < values.age_min ? t('ads.form.agesOrder') : null),
      end_date: (value, values) => (value && values.start_date && value < values.start_date ? t('ads.form.datesOrder') : null),
    },
  });
  const saving = create.isPending || update.isPending;
  const handlers = {
    onSuccess: (saved: TAdCampaign) => {
      notifications.show({ color: 'teal', message: t(campaign ? 'ads.form.saved' : 'ads.form.created', { name: saved.name }) });
      onSaved?.(saved);
      onClose();
    },
    onError: (error: unknown) => {
      const fields = campaignFieldErrors(error, form.getValues());
      if (fields) form.setErrors(fields);
      else notifyError(error, t);
    },
  };
  const submit = form.onSubmit((values) => {
    if (campaign) {
      const body = updateBody(values, initial);
      if (Object.keys(body).length === 0) return onClose();
      update.mutate({ id: campaign.id, body }, handlers);
    } else create.mutate(createBody(values), handlers);
  });
  const currencySuffix = (
    <Text size="xs" c="dimmed">
      {form.values.currency}
    </Text>
  );
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <TextInput label={t('ads.form.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('ads.form.platform')}
            description={campaign ? t('ads.form.platformFixed') : undefined}
            data={AD_PLATFORMS.map((value) => ({ value, label: t(`ads.platforms.${value}`) }))}
            allowDeselect={false}
            disabled={campaign !== null}
            {...form.getInputProps('platform')}
          />
          <Select
            label={t('ads.form.status')}
            data={AD_CAMPAIGN_STATUSES.map((value) => ({ value, label: t(`ads.statuses.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <Textarea label={t('ads.form.description')} autosize minRows={2} maxRows={5} maxLength={5000} {...form.getInputProps('description')} />

        <Section title={t('ads.form.creatives')}>
          <TextInput label={t('ads.form.headline')} maxLength={300} {...form.getInputProps('headline')} />
          <Textarea label={t('ads.form.adCopy')} autosize minRows={3} maxRows={8} maxLength={5000} {...form.getInputProps('ad_copy')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('ads.form.imageUrl')} type="url" placeholder="https://" maxLength={2000} {...form.getInputProps('image_url')} />
            <TextInput label={t('ads.form.videoUrl')} type="url" placeholder="https://" maxLength={2000} {...form.getInputProps('video_url')} />
          </SimpleGrid>
        </Section>

        <Section title={t('ads.form.audience')}>
          <AudienceFields form={form} />
        </Section>

        <Section title={t('ads.form.budget')}>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <NumberField label={t('ads.form.dailyBudget')} min={0} max={MAX_AD_AMOUNT} rightSection={currencySuffix} {...form.getInputProps('daily_budget')} />
            <NumberField label={t('ads.form.totalBudget')} min={0} max={MAX_AD_AMOUNT} rightSection={currencySuffix} {...form.getInputProps('total_budget')} />
            <Select
              label={t('ads.form.currency')}
              description={campaign ? t('ads.form.currencyFixed') : undefined}
              data={[...new Set([...PRODUCT_CURRENCIES, form.values.currency])]}
              allowDeselect={false}
              disabled={campaign !== null}
              {...form.getInputProps('currency')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('ads.form.startDate')} type="date" {...form.getInputProps('start_date')} />
            <TextInput label={t('ads.form.endDate')} type="date" {...form.getInputProps('end_date')} />
          </SimpleGrid>
        </Section>

        <Section title={t('ads.form.tracking')}>
          <Text size="sm" c="dimmed">
            {t('ads.form.trackingHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('ads.form.utmCampaign')} description={t('ads.form.utmCampaignHint')} maxLength={200} {...form.getInputProps('utm_campaign')} />
            <TextInput label={t('ads.form.utmSource')} description={t('ads.form.utmSourceHint')} maxLength={200} {...form.getInputProps('utm_source')} />
            <TextInput
              label={t('ads.form.platformCampaignId')}
              description={t('ads.form.platformCampaignIdHint')}
              maxLength={100}
              {...form.getInputProps('platform_campaign_id')}
            />
            <NumberField
              label={t('ads.form.cpaAlertRise')}
              description={t('ads.form.cpaAlertRiseHint')}
              decimals={0}
              min={5}
              max={1000}
              rightSection={
                <Text size="xs" c="dimmed">
                  %
                </Text>
              }
              {...form.getInputProps('cpa_alert_rise')}
            />
          </SimpleGrid>
        </Section>
        <FormActions onCancel={onClose} submitLabel={t(campaign ? 'ads.form.save' : 'ads.form.create')} loading={saving} />
      </Stack>
    </form>
  );
}
