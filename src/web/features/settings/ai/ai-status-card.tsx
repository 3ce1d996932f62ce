import { Anchor, Badge, Code, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconSparkles, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TAiStatus } from '../../../../contracts/ai.js';
import { useFormatters } from '../../../lib/format.js';
import { CardSection } from '../../../ui/card-section.js';
import { QueryState } from '../../../ui/query-state.js';
import { useAiStatus } from '../../ai/ai-api.js';

/** The installation's variables that connect a model for every workspace (docs: AI_*). */
const AI_VARIABLES = ['AI_BASE_URL', 'AI_API_KEY', 'AI_MODEL', 'AI_IMAGE_MODEL'];

/**
 * Which writer the workspace's generations use (the built-in generator or a model, and where the model's settings
 * come from), this month's usage against its caps, and how to connect a model. `providerAnchor` is the id of the
 * workspace's own provider form on this page (shown to admins only).
 */
export function AiStatusCard({ providerAnchor }: { providerAnchor: string | null }) {
  const { t } = useTranslation();
  const status = useAiStatus();
  return (
    <CardSection title={t('aiSettings.status.title')}>
      <QueryState query={status}>{(data) => <StatusBody status={data} providerAnchor={providerAnchor} />}</QueryState>
    </CardSection>
  );
}

function StatusBody({ status, providerAnchor }: { status: TAiStatus; providerAnchor: string | null }) {
  const { t } = useTranslation();
  const model = status.writer === 'model';
  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        <Badge
          size="lg"
          variant="light"
          color={model ? 'violet' : 'gray'}
          leftSection={model ? <IconSparkles size={14} aria-hidden /> : <IconWand size={14} aria-hidden />}
          data-testid="ai-writer"
          style={{ textTransform: 'none' }}
        >
          {t(model ? 'aiSettings.status.writerModel' : 'aiSettings.status.writerBuiltin')}
        </Badge>
        {status.source && (
          <Text size="sm" c="dimmed">
            {t(`aiSettings.status.source.${status.source}`)}
          </Text>
        )}
      </Group>
      {model && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Text size="sm">
            {t('aiSettings.status.model')} <Code>{status.model ?? '—'}</Code>
          </Text>
          <Text size="sm">
            {t('aiSettings.status.imageModel')} {status.image_model ? <Code>{status.image_model}</Code> : t('aiSettings.status.noImageModel')}
          </Text>
        </SimpleGrid>
      )}
      <Usage usage={status.usage} />
      <Text size="sm">{t(model ? 'aiSettings.status.modelExplained' : 'aiSettings.status.builtinExplained')}</Text>
      <Stack gap={6}>
        <Text size="sm">{t('aiSettings.status.howToConnect')}</Text>
        <Group gap={6} wrap="wrap">
          {AI_VARIABLES.map((name) => (
            <Code key={name}>{name}</Code>
          ))}
        </Group>
        <Text size="sm">
          {providerAnchor ? (
            <>
              {t('aiSettings.status.orWorkspace')} <Anchor href={`#${providerAnchor}`}>{t('aiSettings.status.workspaceLink')}</Anchor>
            </>
          ) : (
            t('aiSettings.status.orAskAdmin')
          )}
        </Text>
      </Stack>
    </Stack>
  );
}

function Usage({ usage }: { usage: TAiStatus['usage'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // Providers bill in dollars: the cost is shown in dollars whatever the workspace's currency.
  const dollars = new Intl.NumberFormat(format.locale, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const tokens = usage.input_tokens + usage.output_tokens;
  const month = monthName(usage.month, format.locale);
  return (
    <Stack gap="xs" aria-label={t('aiSettings.status.usageOf', { month })} role="group">
      <Text fw={600} size="sm">
        {t('aiSettings.status.usageOf', { month })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Figure label={t('aiSettings.status.requests')} value={format.number(usage.requests, 0)} />
        <Figure label={t('aiSettings.status.tokens')} value={format.number(tokens, 0)} />
        <Figure label={t('aiSettings.status.images')} value={format.number(usage.images, 0)} />
        <Figure label={t('aiSettings.status.cost')} value={dollars.format(usage.cost)} />
      </SimpleGrid>
      {usage.cost_cap !== null && (
        <Cap
          label={t('aiSettings.status.costCap', { used: dollars.format(usage.cost), cap: dollars.format(usage.cost_cap) })}
          used={usage.cost}
          cap={usage.cost_cap}
        />
      )}
      {usage.token_cap !== null && (
        <Cap
          label={t('aiSettings.status.tokenCap', { used: format.number(tokens, 0), cap: format.number(usage.token_cap, 0) })}
          used={tokens}
          cap={usage.token_cap}
        />
      )}
      {usage.cost_cap === null && usage.token_cap === null && (
        <Text size="xs" c="dimmed">
          {t('aiSettings.status.noCap')}
        </Text>
      )}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

/** A cap's bar: orange from 80 %, red once reached. */
function Cap({ label, used, cap }: { label: string; used: number; cap: number }) {
  const ratio = cap > 0 ? Math.min(1, used / cap) : 1;
  const color = ratio >= 1 ? 'red' : ratio >= 0.8 ? 'orange' : 'teal';
  return (
    <Stack gap={4}>
      <Text size="sm">{label}</Text>
      <Progress value={ratio * 100} color={color} aria-label={label} />
    </Stack>
  );
}

/** "2026-05" as "mai 2026" in the interface's language (the raw value if it is not a month). */
function monthName(month: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15));
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
