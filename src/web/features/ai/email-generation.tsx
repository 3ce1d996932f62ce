import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { IconRefresh, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  EMAIL_GENERATION_TYPES,
  type TAiTone,
  type TEmailGenerateBody,
  type TEmailGenerationType,
  type TGeneratedEmailCampaign as TGeneratedEmail,
} from '../../../contracts/ai.js';
import { api } from '../../lib/api.js';
import { notifyError } from '../../lib/errors.js';
import type { TEmailCampaignPreview } from '../../../contracts/email-campaigns.js';
import { useFormatters } from '../../lib/format.js';
import { Loading } from '../../ui/query-state.js';
import { CAMPAIGNS_KEY, CAMPAIGNS_PATH } from '../email/email-api.js';
import { GENERATE_PATHS, useRegenerate } from './ai-api.js';
import { BriefForm, briefText, GenerateButton, GenerationFlow, useBriefError } from './generation-dialog.js';
import { useToneOptions } from './tone-options.js';
import { useGeneration, type TGeneration } from './use-generation.js';

/** "Générer avec IA" on /email-marketing: a brief, then a draft campaign (subject and alternatives, content, segment). */
export function EmailGenerateButton() {
  const { t } = useTranslation();
  return (
    <GenerateButton label={t('email.ai')} title={t('aiGenerate.email.title')} listKey={CAMPAIGNS_KEY}>
      {(close) => <EmailGeneration onClose={close} />}
    </GenerateButton>
  );
}

type TValues = { type: TEmailGenerationType | ''; topic: string; audience: string; tone: TAiTone };

function EmailGeneration({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const generation = useGeneration<TEmailGenerateBody, TGeneratedEmail>(GENERATE_PATHS.email);
  return (
    <GenerationFlow
      generation={generation}
      intro={t('aiGenerate.email.intro')}
      form={<EmailBrief generation={generation} onCancel={onClose} />}
      preview={(campaign) => <EmailPreview campaign={campaign} generation={generation} />}
      acceptLabel={t('aiGenerate.email.accept')}
      onAccept={(campaign) => {
        onClose();
        // The campaign's step flow, at its content: the block editor with the written email.
        void navigate(`/email-marketing/campaigns/${campaign.id}?step=content`);
      }}
      onDiscard={(campaign) => api.delete(`${CAMPAIGNS_PATH}/${campaign.id}`)}
      onClose={onClose}
    />
  );
}

function EmailBrief({ generation, onCancel }: { generation: TGeneration<TEmailGenerateBody, TGeneratedEmail>; onCancel: () => void }) {
  const { t } = useTranslation();
  const tones = useToneOptions();
  const form = useForm<TValues>({
    initialValues: { type: '', topic: '', audience: '', tone: 'professional' },
    validate: {
      type: (value) => (value === '' ? t('validation.required') : null),
      topic: briefText(t('aiGenerate.validation.brief')),
      audience: briefText(t('aiGenerate.validation.brief')),
    },
  });
  const error = useBriefError(form, generation.error);
  const submit = form.onSubmit((values) => {
    if (values.type === '') return;
    generation.start({ type: values.type, topic: values.topic.trim(), audience: values.audience.trim(), tone: values.tone });
  });
  return (
    <BriefForm onSubmit={submit} running={generation.phase === 'running'} error={error} onCancel={onCancel}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('aiGenerate.email.type')}
          placeholder={t('aiGenerate.email.typePlaceholder')}
          required
          allowDeselect={false}
          data={EMAIL_GENERATION_TYPES.map((value) => ({ value, label: t(`aiGenerate.email.types.${value}`) }))}
          data-autofocus
          {...form.getInputProps('type')}
        />
        <Select label={t('aiGenerate.fields.tone')} allowDeselect={false} data={tones} {...form.getInputProps('tone')} />
      </SimpleGrid>
      <TextInput
        label={t('aiGenerate.fields.topic')}
        placeholder={t('aiGenerate.email.topicPlaceholder')}
        required
        maxLength={200}
        {...form.getInputProps('topic')}
      />
      <TextInput
        label={t('aiGenerate.fields.audience')}
        placeholder={t('aiGenerate.email.audiencePlaceholder')}
        required
        maxLength={300}
        {...form.getInputProps('audience')}
      />
    </BriefForm>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </div>
  );
}

/**
 * The email as a recipient reads it: the server's render for a made-up lead (its Liquid filled in, as the campaign's
 * own preview shows it), in a frame where nothing runs; the raw content if the render cannot be had.
 */
function RenderedEmail({ campaign }: { campaign: TGeneratedEmail }) {
  const { t } = useTranslation();
  const preview = useQuery({
    // A regenerated email is saved again: its new updated_at asks for a new render.
    queryKey: [...CAMPAIGNS_KEY, 'preview', campaign.id, campaign.updated_at],
    queryFn: () => api.post<TEmailCampaignPreview>(`${CAMPAIGNS_PATH}/${campaign.id}/preview`, {}),
    gcTime: 0,
    retry: false,
  });
  const html = preview.data?.html ?? (preview.isError ? campaign.html_content : null);
  if (html === null) return <Loading />;
  return (
    <iframe
      title={t('aiGenerate.email.frame', { name: campaign.name })}
      srcDoc={html}
      sandbox=""
      style={{ width: '100%', height: 420, border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, background: '#fff' }}
    />
  );
}

function EmailPreview({ campaign, generation }: { campaign: TGeneratedEmail; generation: TGeneration<TEmailGenerateBody, TGeneratedEmail> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const regenerate = useRegenerate();
  const again = () =>
    regenerate.mutate(
      { generationId: campaign.generation_id, body: { part: 'email' } },
      {
        onSuccess: ({ campaign: rewritten, generation: record }) => {
          if (!rewritten) return;
          // The other subjects and the segment live on the generation's output when the server sends them there.
          const output = record.output;
          const alternatives = Array.isArray(output.subject_alternatives)
            ? output.subject_alternatives.filter((s): s is string => typeof s === 'string')
            : null;
          generation.update((current) => ({
            ...current,
            ...rewritten,
            subject_alternatives: alternatives ?? current.subject_alternatives,
          }));
        },
        onError: (error) => notifyError(error, t),
      },
    );
  const segment = campaign.suggested_segment;
  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" radius="md">
        <Stack gap="xs">
          <Labelled label={t('aiGenerate.email.subject')}>
            <Text fw={700} data-testid="ai-email-subject" style={{ overflowWrap: 'anywhere' }}>
              {campaign.subject}
            </Text>
          </Labelled>
          {campaign.subject_alternatives.length > 0 && (
            <Labelled label={t('aiGenerate.email.alternatives')}>
              <Stack gap={2} component="ul" style={{ margin: 0, paddingInlineStart: 20 }}>
                {campaign.subject_alternatives.map((subject) => (
                  <Text key={subject} component="li" size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {subject}
                  </Text>
                ))}
              </Stack>
            </Labelled>
          )}
          <Labelled label={t('aiGenerate.email.preheader')}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {campaign.preheader}
            </Text>
          </Labelled>
        </Stack>
      </Paper>
      <RenderedEmail campaign={campaign} />
      {segment && (
        <Paper withBorder p="sm" radius="md" data-testid="ai-email-segment">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconUsers size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Stack gap={2}>
              <Title order={3} size="h6">
                {t('aiGenerate.email.segment')}
              </Title>
              <Text size="sm">{segment.description}</Text>
              <Text size="sm" fw={600}>
                {t('aiGenerate.email.segmentCount', { count: segment.count, formatted: format.number(segment.count) })}
              </Text>
            </Stack>
          </Group>
        </Paper>
      )}
      <Group>
        <Button variant="light" leftSection={<IconRefresh size={16} aria-hidden />} loading={regenerate.isPending} onClick={again}>
          {t('aiGenerate.email.regenerate')}
        </Button>
      </Group>
    </Stack>
  );
}
