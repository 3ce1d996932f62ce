import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAbTestReport } from '../../../../../contracts/email-campaigns.js';
import { useFormatters } from '../../../../lib/format.js';
import { metricValue } from './ab-words.js';

// Each variant's rate as a dot on its 95 % interval, one line per variant on a shared scale: overlapping lines
// show at a glance why "no clear winner" is an honest answer. Mantine's charts draw no error bars, and a few divs
// do. The drawing is hidden from screen readers: the table below it holds the same numbers.

// Text colours of the theme (AA in light and dark, see app/theme.ts), so the marks stand out in both schemes.
const CONTROL_COLOR = 'var(--mantine-color-dimmed)';
const VARIANT_COLOR = 'var(--mantine-color-indigo-text)';
const WINNER_COLOR = 'var(--mantine-color-teal-text)';

/** The scale's end: a bit past the highest interval; rates at least 5 %, at most 100 %; revenue a round amount. */
function scaleMax(test: TAbTestReport): number {
  const highest = Math.max(0, ...test.variants.map((v) => v.interval[1]));
  if (test.metric !== 'revenue_per_recipient') return Math.min(1, Math.max(0.05, Math.ceil(highest * 11) / 10));
  if (highest <= 0) return 1;
  // 1, 2 or 5 times a power of ten: the axis reads "0 €" to "20 €", not "0 €" to "17,38 €".
  const power = 10 ** Math.floor(Math.log10(highest * 1.1));
  return [1, 2, 5, 10].map((m) => m * power).find((end) => end >= highest * 1.1)!;
}

/** The interval plot of a test's variants, with the sentence that says how to read it. */
export function AbIntervalChart({ test }: { test: TAbTestReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const max = scaleMax(test);
  const value = (v: number, digits = 1) => metricValue(test.metric, v, format, digits);
  const at = (value: number) => `${(Math.min(Math.max(value, 0), max) / max) * 100}%`;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('email.abTest.report.chart', { metric: t(`email.abTest.metrics.${test.metric}`) })}
      </Text>
      <Stack gap={4} aria-hidden>
        {test.variants.map((variant) => {
          const color = variant.key === test.winner ? WINNER_COLOR : variant.key === 'A' ? CONTROL_COLOR : VARIANT_COLOR;
          return (
            <Group key={variant.key} gap="xs" wrap="nowrap">
              <Text size="sm" fw={700} w={20} ta="center">
                {variant.key}
              </Text>
              <Box pos="relative" h={22} style={{ flex: 1, borderBottom: '1px solid var(--mantine-color-default-border)' }}>
                <Box
                  pos="absolute"
                  top={9}
                  h={4}
                  left={at(variant.interval[0])}
                  w={`calc(${at(variant.interval[1])} - ${at(variant.interval[0])})`}
                  style={{ background: color, borderRadius: 2, minWidth: 2 }}
                />
                <Box
                  pos="absolute"
                  top={5}
                  w={12}
                  h={12}
                  left={`calc(${at(variant.rate)} - 6px)`}
                  style={{ background: color, borderRadius: '50%', border: '2px solid var(--mantine-color-body)' }}
                />
              </Box>
              <Text size="sm" w={56} ta="right">
                {value(variant.rate)}
              </Text>
            </Group>
          );
        })}
        <Group gap="xs" wrap="nowrap">
          <Box w={20} />
          <Group justify="space-between" style={{ flex: 1 }}>
            <Text size="xs" c="dimmed">
              {value(0, 0)}
            </Text>
            <Text size="xs" c="dimmed">
              {value(max, 0)}
            </Text>
          </Group>
          <Box w={56} />
        </Group>
      </Stack>
      <Text size="xs" c="dimmed">
        {t('email.abTest.report.chartLegend')}
      </Text>
    </Stack>
  );
}
