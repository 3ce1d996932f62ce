import { Box, Group, Progress, Stack, Text } from '@mantine/core';
import { IconArrowDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunnelStats } from '../../../../contracts/funnels.js';
import { useFormatters } from '../../../lib/format.js';
import { PageTypeBadge } from '../funnel-badges.js';

type TStep = TFunnelStats['steps'][number];

/**
 * The funnel's steps in order, as an ordered list: each step's unique visitors as a bar (its share of the busiest
 * step), its page views, conversions and rate in words; between two steps, the drop-off. Drawn with Mantine's
 * Progress rather than a chart so that every number is text (readable at 390 px and by a screen reader) and a step's
 * name, typed by anyone, stays plain text cut with an ellipsis.
 */
export function StepFunnel({ steps }: { steps: TStep[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...steps.map((step) => step.unique_visitors));
  if (steps.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('funnelList.stats.report.steps.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Stack component="ol" gap={0} m={0} p={0} aria-label={t('funnelList.stats.report.steps.listLabel')} style={{ listStyle: 'none' }}>
        {steps.map((step, index) => (
          <Box component="li" key={step.page_id}>
            {index > 0 && <DropOff step={step} previous={steps[index - 1]!} />}
            <StepRow step={step} position={index + 1} share={step.unique_visitors / max} />
          </Box>
        ))}
      </Stack>
      <Text size="xs" c="dimmed">
        {t('funnelList.stats.report.steps.definition')}
      </Text>
    </Stack>
  );
}

function StepRow({ step, position, share }: { step: TStep; position: number; share: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const name = `${position}. ${step.name}`;
  const count = (key: 'views' | 'conversions', value: number) => t(`funnelList.stats.report.steps.${key}`, { count: value, formatted: format.number(value) });
  return (
    <Stack gap={4}>
      {/* The count sits at the right of the name, or under it when both do not fit (a phone). */}
      <Group justify="space-between" gap="xs" align="center">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Text fw={600} size="sm" truncate="end" title={name}>
            {name}
          </Text>
          <PageTypeBadge type={step.page_type} />
        </Group>
        <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t('funnelList.stats.report.steps.uniqueVisitors', { count: step.unique_visitors, formatted: format.number(step.unique_visitors) })}
        </Text>
      </Group>
      {/* The bar repeats the number beside it: hidden from screen readers. */}
      <Progress value={Math.max(step.unique_visitors > 0 ? 1 : 0, share * 100)} size="lg" radius="sm" aria-hidden transitionDuration={300} />
      <Text size="xs" c="dimmed">
        {[
          count('views', step.visitors),
          count('conversions', step.conversions),
          step.conversion_rate === null ? null : t('funnelList.stats.report.steps.rate', { rate: format.percent(step.conversion_rate, 1) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

/** What was lost between the previous step and this one: the API's rate, and the visitors it stands for. */
function DropOff({ step, previous }: { step: TStep; previous: TStep }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const lost = Math.max(0, previous.unique_visitors - step.unique_visitors);
  let text: string;
  if (step.drop_off === null) text = t('funnelList.stats.report.steps.noPrevious');
  else if (lost === 0) text = t('funnelList.stats.report.steps.noDropOff');
  else text = t('funnelList.stats.report.steps.dropOff', { count: lost, formatted: format.number(lost), rate: format.percent(step.drop_off, 1) });
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" py={8} pl={4}>
      <IconArrowDown size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2, color: 'var(--mantine-color-dimmed)' }} />
      <Text size="sm" c="dimmed">
        {text}
      </Text>
    </Group>
  );
}
