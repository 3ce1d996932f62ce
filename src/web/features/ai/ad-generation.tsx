import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  AD_GENERATION_PLATFORMS,
  AD_OBJECTIVES,
  type TAdGenerateBody,
  type TAdGenerationPlatform,
  type TAdObjective,
  type TGeneratedAdCampaign as TGeneratedAd,
} from '../../../contracts/ai.js';
import { api } from '../../lib/api.js';
import { useFormatters } from '../../lib/format.js';
import { MoneyField } from '../../ui/number-field.js';
import { ADS_KEY, CAMPAIGNS_PATH } from '../ads/ads-api.js';
import { GENERATE_PATHS, useRegenerateAt } from './ai-api.js';
import { AdCreativeSetView } from './ad-creative-set.js';
import { BriefForm, briefText, GenerateButton, GenerationFlow, useBriefError } from './generation-dialog.js';
import { useGeneration, type TGeneration } from './use-generation.js';

/** "Générer créatifs" on /ads: a brief, then a draft campaign with 5 variants, 3 visuals, audiences and a budget plan. */
export function AdGenerateButton() {
  const { t } = useTranslation();
  return (
    <GenerateButton label={t('ads.ai')} title={t('aiGenerate.ads.title')} listKey={ADS_KEY}>
      {(close) => <AdGeneration onClose={close} />}
    </GenerateButton>
  );
}

type TValues = { platform: TAdGenerationPlatform; product: string; objective: TAdObjective; budget: number | ''; start_date: string; end_date: string };

function AdGeneration({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const generation = useGeneration<TAdGenerateBody, TGeneratedAd>(GENERATE_PATHS.ad);
  return (
    <GenerationFlow
      generation={generation}
      intro={t('aiGenerate.ads.intro')}
      form={<AdBrief generation={generation} onCancel={onClose} />}
      preview={(campaign) => <AdPreview campaign={campaign} generation={generation} />}
      acceptLabel={t('aiGenerate.ads.accept')}
      onAccept={(campaign) => {
        onClose();
        void navigate(`/ads/${campaign.id}`);
      }}
      onDiscard={(campaign) => api.delete(`${CAMPAIGNS_PATH}/${campaign.id}`)}
      onClose={onClose}
    />
  );
}

function AdBrief({ generation, onCancel }: { generation: TGeneration<TAdGenerateBody, TGeneratedAd>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { currency } = useFormatters();
  const form = useForm<TValues>({
    initialValues: { platform: 'facebook', product: '', objective: 'conversions', budget: '', start_date: '', end_date: '' },
    validate: {
      product: briefText(t('aiGenerate.validation.brief')),
      budget: (value) => (value === '' ? t('validation.required') : null),
      end_date: (value, values) => (value && values.start_date && value < values.start_date ? t('ads.form.datesOrder') : null),
    },
  });
  const error = useBriefError(form, generation.error);
  const submit = form.onSubmit((values) => {
    if (values.budget === '') return;
    generation.start({
      platform: values.platform,
      product: values.product.trim(),
      objective: values.objective,
      budget: values.budget,
      currency,
      ...(values.start_date ? { start_date: values.start_date } : {}),
      ...(values.end_date ? { end_date: values.end_date } : {}),
    });
  });
  return (
    <BriefForm onSubmit={submit} running={generation.phase === 'running'} error={error} onCancel={onCancel}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('ads.form.platform')}
          allowDeselect={false}
          data={AD_GENERATION_PLATFORMS.map((value) => ({ value, label: t(`ads.platforms.${value}`) }))}
          data-autofocus
          {...form.getInputProps('platform')}
        />
        <Select
          label={t('aiGenerate.ads.objective')}
          allowDeselect={false}
          data={AD_OBJECTIVES.map((value) => ({ value, label: t(`aiGenerate.ads.objectives.${value}`) }))}
          {...form.getInputProps('objective')}
        />
      </SimpleGrid>
      <TextInput
        label={t('aiGenerate.ads.product')}
        placeholder={t('aiGenerate.ads.productPlaceholder')}
        required
        maxLength={200}
        {...form.getInputProps('product')}
      />
      <MoneyField
        label={t('aiGenerate.ads.budget')}
        description={t('aiGenerate.ads.budgetHint')}
        required
        min={1}
        max={10_000_000}
        {...form.getInputProps('budget')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label={t('ads.form.startDate')} description={t('aiGenerate.ads.datesHint')} type="date" {...form.getInputProps('start_date')} />
        <TextInput label={t('ads.form.endDate')} description={t('aiGenerate.ads.endHint')} type="date" {...form.getInputProps('end_date')} />
      </SimpleGrid>
    </BriefForm>
  );
}

function AdPreview({ campaign, generation }: { campaign: TGeneratedAd; generation: TGeneration<TAdGenerateBody, TGeneratedAd> }) {
  const { busyIndex, regenerateAt } = useRegenerateAt('variant', ({ variant }, index) => {
    if (variant) generation.update((current) => ({ ...current, variants: current.variants.map((v, i) => (i === index ? variant : v)) }));
  });
  return (
    <AdCreativeSetView
      set={campaign}
      platform={campaign.platform}
      currency={campaign.currency}
      onRegenerate={(index) => regenerateAt(campaign.generation_id, index)}
      busyIndex={busyIndex}
    />
  );
}
