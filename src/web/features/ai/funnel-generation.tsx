import { Badge, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TAiLanguage, TAiTone, TFunnelGenerateBody, TGeneratedFunnel } from '../../../contracts/ai.js';
import { FUNNEL_TYPES, type TFunnelPage, type TFunnelType } from '../../../contracts/funnels.js';
import { api } from '../../lib/api.js';
import { MoneyField } from '../../ui/number-field.js';
import { useLanguageOptions } from '../funnels/funnel-options.js';
import { FUNNELS_KEY, FUNNELS_PATH } from '../funnels/funnels-api.js';
import { GENERATE_PATHS, useRegenerateAt } from './ai-api.js';
import { BriefForm, briefText, GenerateButton, GenerationFlow, RegenerateButton, useBriefError } from './generation-dialog.js';
import { PageThumbnail } from './page-thumbnail.js';
import { useToneOptions } from './tone-options.js';
import { useGeneration, type TGeneration } from './use-generation.js';

/** "Générer avec IA" on /funnels: a brief, then a whole draft funnel (a webinar funnel has 7 pages) to review and open. */
export function FunnelGenerateButton() {
  const { t } = useTranslation();
  return (
    <GenerateButton label={t('funnelList.ai')} title={t('aiGenerate.funnel.title')} listKey={FUNNELS_KEY}>
      {(close) => <FunnelGeneration onClose={close} />}
    </GenerateButton>
  );
}

type TValues = {
  type: TFunnelType | '';
  topic: string;
  product_price: number | '';
  target_audience: string;
  tone: TAiTone | '';
  language: TAiLanguage;
  offer_details: string;
};

function FunnelGeneration({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const generation = useGeneration<TFunnelGenerateBody, TGeneratedFunnel>(GENERATE_PATHS.funnel);
  return (
    <GenerationFlow
      generation={generation}
      intro={t('aiGenerate.funnel.intro')}
      form={<FunnelBrief generation={generation} onCancel={onClose} />}
      preview={(funnel) => <FunnelPreview funnel={funnel} generation={generation} />}
      acceptLabel={t('aiGenerate.funnel.accept')}
      onAccept={(funnel) => {
        onClose();
        void navigate(`/funnels/${funnel.id}`);
      }}
      onDiscard={(funnel) => api.delete(`${FUNNELS_PATH}/${funnel.id}`)}
      onClose={onClose}
    />
  );
}

function FunnelBrief({ generation, onCancel }: { generation: TGeneration<TFunnelGenerateBody, TGeneratedFunnel>; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const languages = useLanguageOptions();
  const tones = useToneOptions();
  const form = useForm<TValues>({
    initialValues: {
      type: '',
      topic: '',
      product_price: '',
      target_audience: '',
      tone: '',
      language: (i18n.resolvedLanguage ?? 'fr').startsWith('en') ? 'en' : 'fr',
      offer_details: '',
    },
    validate: {
      type: (value) => (value === '' ? t('validation.required') : null),
      topic: briefText(t('aiGenerate.validation.brief')),
      product_price: (value) => (value === '' ? t('validation.required') : null),
      target_audience: briefText(t('aiGenerate.validation.brief')),
    },
  });
  const error = useBriefError(form, generation.error);
  const submit = form.onSubmit((values) => {
    if (values.type === '' || values.product_price === '') return;
    generation.start({
      type: values.type,
      topic: values.topic.trim(),
      product_price: values.product_price,
      target_audience: values.target_audience.trim(),
      language: values.language,
      ...(values.tone ? { tone: values.tone } : {}),
      ...(values.offer_details.trim() ? { offer_details: values.offer_details.trim() } : {}),
    });
  });
  return (
    <BriefForm onSubmit={submit} running={generation.phase === 'running'} error={error} onCancel={onCancel}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('funnelList.fields.type')}
          placeholder={t('funnelList.fields.typePlaceholder')}
          required
          allowDeselect={false}
          data={FUNNEL_TYPES.map((value) => ({ value, label: t(`funnelList.types.${value}`) }))}
          data-autofocus
          {...form.getInputProps('type')}
        />
        <MoneyField
          label={t('aiGenerate.fields.price')}
          description={t('aiGenerate.fields.priceHint')}
          required
          max={1_000_000}
          {...form.getInputProps('product_price')}
        />
      </SimpleGrid>
      <TextInput
        label={t('aiGenerate.fields.topic')}
        placeholder={t('aiGenerate.funnel.topicPlaceholder')}
        required
        maxLength={200}
        {...form.getInputProps('topic')}
      />
      <TextInput
        label={t('aiGenerate.fields.audience')}
        placeholder={t('aiGenerate.funnel.audiencePlaceholder')}
        required
        maxLength={300}
        {...form.getInputProps('target_audience')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select label={t('aiGenerate.fields.tone')} placeholder={t('aiGenerate.fields.toneDefault')} clearable data={tones} {...form.getInputProps('tone')} />
        <Select label={t('funnelList.fields.language')} allowDeselect={false} data={languages} {...form.getInputProps('language')} />
      </SimpleGrid>
      <Textarea
        label={t('aiGenerate.fields.offerDetails')}
        description={t('aiGenerate.fields.offerDetailsHint')}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={2000}
        {...form.getInputProps('offer_details')}
      />
    </BriefForm>
  );
}

function FunnelPreview({ funnel, generation }: { funnel: TGeneratedFunnel; generation: TGeneration<TFunnelGenerateBody, TGeneratedFunnel> }) {
  const { t } = useTranslation();
  const { busyIndex, regenerateAt } = useRegenerateAt('page', ({ page }, index) => {
    if (page) generation.update((current) => ({ ...current, pages: current.pages.map((p, i) => (i === index ? page : p)) }));
  });
  return (
    <Stack gap="sm">
      <div>
        <Text fw={700} size="lg">
          {funnel.name}
        </Text>
        {funnel.description && (
          <Text size="sm" c="dimmed">
            {funnel.description}
          </Text>
        )}
        <Text size="sm" mt={4} data-testid="ai-funnel-page-count">
          {t('aiGenerate.funnel.pages', { count: funnel.pages.length })}
        </Text>
      </div>
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {funnel.pages.map((page, index) => (
          <PagePreview
            key={page.id}
            page={page}
            position={index + 1}
            busy={busyIndex === index}
            disabled={busyIndex !== null}
            onRegenerate={() => regenerateAt(funnel.generation_id, index)}
          />
        ))}
      </Stack>
    </Stack>
  );
}

type TPageProps = { page: TFunnelPage; position: number; busy: boolean; disabled: boolean; onRegenerate: () => void };

function PagePreview({ page, position, busy, disabled, onRegenerate }: TPageProps) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="ai-funnel-page">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <PageThumbnail html={page.html_content} css={page.css_content} />
        <Stack gap={4} style={{ flex: '1 1 200px', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>
              {position}. {page.name}
            </Text>
            <Badge variant="light" size="sm">
              {t(`funnelList.pageTypes.${page.page_type}`)}
            </Badge>
          </Group>
          {page.seo_title && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {page.seo_title}
            </Text>
          )}
          {page.seo_description && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {page.seo_description}
            </Text>
          )}
          <Group mt={4}>
            <RegenerateButton busy={busy} disabled={disabled} onClick={onRegenerate} label={t('aiGenerate.funnel.regeneratePageNamed', { name: page.name })}>
              {t('aiGenerate.funnel.regeneratePage')}
            </RegenerateButton>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
