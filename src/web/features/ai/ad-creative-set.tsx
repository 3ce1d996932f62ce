import { Badge, Group, Image, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdPlatform, TTargetAudience } from '../../../contracts/ads.js';
import { AD_TEXT_LIMITS, type TAdCreativeSet, type TAdVisual, type TBudgetPlanPhase, type TSuggestedAudience } from '../../../contracts/ai.js';
import { useCampaignFormat } from '../ads/ad-format.js';
import { RegenerateButton } from './generation-dialog.js';

type TLimits = Record<string, number>;
type TField = { key: string; max: number; list?: boolean };

/** The texts of a variant in the platform's order, with the platform's limit for each (AD_TEXT_LIMITS). */
function variantFields(variant: Record<string, unknown>, platform: TAdPlatform): TField[] {
  // The variant's own keys tell its shape; the campaign's platform settles a variant with none of them.
  if ('headlines' in variant || platform === 'google') {
    const limits: TLimits = AD_TEXT_LIMITS.google;
    return [
      { key: 'headlines', max: limits.headline!, list: true },
      { key: 'descriptions', max: limits.description!, list: true },
    ];
  }
  if ('intro_text' in variant || platform === 'linkedin') {
    return [
      { key: 'intro_text', max: AD_TEXT_LIMITS.linkedin.intro_text },
      { key: 'headline', max: AD_TEXT_LIMITS.linkedin.headline },
    ];
  }
  return [
    { key: 'primary_text', max: AD_TEXT_LIMITS.meta.primary_text },
    { key: 'headline', max: AD_TEXT_LIMITS.meta.headline },
    { key: 'description', max: AD_TEXT_LIMITS.meta.description },
  ];
}

/** Characters as the platforms count them (an emoji or an accented letter is one). */
const length = (text: string) => [...text].length;

function CountedText({ text, max }: { text: string; max: number }) {
  const { t } = useTranslation();
  const count = length(text);
  const over = count > max;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
      <Text
        size="xs"
        c={over ? undefined : 'dimmed'}
        style={{ flexShrink: 0, color: over ? 'var(--mantine-color-red-text)' : undefined }}
        aria-label={t(over ? 'aiGenerate.ads.countOver' : 'aiGenerate.ads.count', { count, max })}
      >
        {count}/{max}
      </Text>
    </Group>
  );
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];

type TVariantProps = {
  variant: Record<string, unknown>;
  position: number;
  platform: TAdPlatform;
  busy?: boolean;
  disabled?: boolean;
  onRegenerate?: () => void;
};

function VariantCard({ variant, position, platform, busy, disabled, onRegenerate }: TVariantProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="ai-ad-variant">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={700}>{t('aiGenerate.ads.variant', { position })}</Text>
          {onRegenerate && (
            <RegenerateButton
              busy={busy ?? false}
              disabled={disabled ?? false}
              onClick={onRegenerate}
              label={t('aiGenerate.ads.regenerateNamed', { position })}
            >
              {t('aiGenerate.regenerate')}
            </RegenerateButton>
          )}
        </Group>
        {variantFields(variant, platform).map((field) => {
          const texts = strings(variant[field.key]);
          if (texts.length === 0) return null;
          return (
            <Stack key={field.key} gap={2}>
              <Text size="xs" c="dimmed">
                {t(`aiGenerate.ads.fields.${field.key as 'headline'}`)}
              </Text>
              {texts.map((text, index) => (
                <CountedText key={`${index}-${text}`} text={text} max={field.max} />
              ))}
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}

// i18next reads ":" and "." in a key as separators: the formats are named by words.
const FORMAT_KEYS: Record<TAdVisual['format'], 'square' | 'landscape' | 'story'> = { '1:1': 'square', '1.91:1': 'landscape', '9:16': 'story' };

function Visuals({ visuals }: { visuals: TAdVisual[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
      {visuals.map((visual) => (
        <Stack key={visual.url} gap={4} align="center">
          <Image
            src={visual.url}
            alt={t('aiGenerate.ads.visualAlt', { format: t(`aiGenerate.ads.formats.${FORMAT_KEYS[visual.format]}`) })}
            radius="sm"
            mah={240}
            w="auto"
            maw="100%"
            fit="contain"
            data-testid="ai-ad-visual"
          />
          <Text size="xs" c="dimmed">
            {t(`aiGenerate.ads.formats.${FORMAT_KEYS[visual.format]}`)}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

function TargetingLine({ label, values }: { label: string; values: string[] }) {
  const { t } = useTranslation();
  if (values.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      <Text size="xs" c="dimmed">
        {t('aiGenerate.ads.labelled', { label })}
      </Text>
      {values.map((value) => (
        <Badge key={value} variant="light" color="gray" size="sm" style={{ textTransform: 'none' }}>
          {value}
        </Badge>
      ))}
    </Group>
  );
}

function Audiences({ audiences }: { audiences: TSuggestedAudience[] }) {
  const { t } = useTranslation();
  const ages = ({ age_min: min, age_max: max }: TTargetAudience): string[] => {
    if (min !== null && max !== null) return [t('aiGenerate.ads.ageRange', { min, max })];
    if (min !== null) return [t('aiGenerate.ads.ageFrom', { min })];
    return max !== null ? [t('aiGenerate.ads.ageTo', { max })] : [];
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {audiences.map((audience) => (
        <Paper key={audience.name} withBorder p="sm" radius="md">
          <Stack gap={6}>
            <Text fw={600}>{audience.name}</Text>
            <Text size="sm" c="dimmed">
              {audience.rationale}
            </Text>
            <TargetingLine label={t('ads.form.locations')} values={audience.targeting.locations} />
            <TargetingLine label={t('aiGenerate.ads.ages')} values={ages(audience.targeting)} />
            <TargetingLine label={t('ads.form.genders')} values={audience.targeting.genders.map((gender) => t(`ads.genders.${gender}`))} />
            <TargetingLine label={t('ads.form.interests')} values={audience.targeting.interests} />
            <TargetingLine label={t('aiGenerate.ads.jobTitles')} values={audience.targeting.job_titles} />
            <TargetingLine label={t('aiGenerate.ads.keywords')} values={audience.targeting.keywords} />
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function BudgetPlan({ plan, currency }: { plan: TBudgetPlanPhase[]; currency: string }) {
  const { t } = useTranslation();
  const format = useCampaignFormat(currency);
  // Calendar days are days, not instants: formatted in UTC so no time zone moves them.
  const day = useMemo(() => new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeZone: 'UTC' }), [format.locale]);
  const date = (value: string) => day.format(new Date(`${value}T00:00:00Z`));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder aria-label={t('aiGenerate.ads.budgetPlan')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('aiGenerate.ads.plan.phase')}</Table.Th>
            <Table.Th>{t('aiGenerate.ads.plan.period')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('aiGenerate.ads.plan.amount')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('aiGenerate.ads.plan.daily')}</Table.Th>
            <Table.Th>{t('aiGenerate.ads.plan.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.map((phase) => (
            <Table.Tr key={`${phase.phase}-${phase.from}`}>
              <Table.Td>{t(`aiGenerate.ads.plan.phases.${phase.phase}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('aiGenerate.ads.plan.range', { from: date(phase.from), to: date(phase.to) })}</Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{format.money(phase.amount)}</Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{format.money(phase.daily)}</Table.Td>
              <Table.Td style={{ minWidth: 260 }}>{phase.note}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

type Props = {
  set: Omit<TAdCreativeSet, 'generation_id'>;
  platform: TAdPlatform;
  currency: string;
  /** Shown per variant when the reader may write; `busyIndex` is the one being written again. */
  onRegenerate?: (index: number) => void;
  busyIndex?: number | null;
};

/** A generation's ad creatives: the 5 variants with their lengths against the platform's limits, the 3 visuals, audiences, budget plan. */
export function AdCreativeSetView({ set, platform, currency, onRegenerate, busyIndex = null }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Part title={t('aiGenerate.ads.variants')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {set.variants.map((variant, index) => (
            <VariantCard
              key={index}
              variant={variant}
              position={index + 1}
              platform={platform}
              busy={busyIndex === index}
              disabled={busyIndex !== null}
              onRegenerate={onRegenerate ? () => onRegenerate(index) : undefined}
            />
          ))}
        </SimpleGrid>
      </Part>
      {set.visuals.length > 0 && (
        <Part title={t('aiGenerate.ads.visuals')}>
          <Visuals visuals={set.visuals} />
        </Part>
      )}
      {set.audiences.length > 0 && (
        <Part title={t('aiGenerate.ads.audiences')}>
          <Audiences audiences={set.audiences} />
        </Part>
      )}
      {set.budget_plan.length > 0 && (
        <Part title={t('aiGenerate.ads.budgetPlan')}>
          <BudgetPlan plan={set.budget_plan} currency={currency} />
        </Part>
      )}
    </Stack>
  );
}
