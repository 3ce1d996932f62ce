import { Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import classes from './dashboard.module.css';

type TileProps = {
  label: string;
  value: string;
  /** The page the number comes from (the whole tile opens it). */
  to: string;
  delta?: ReactNode;
  hint?: string;
  /** Colour of the value (a ratio judged against a threshold). */
  valueColor?: string;
  testId?: string;
  children?: ReactNode;
};

/** One key number: label (a link to its page), value, how it moved since the previous period, and an optional trend. */
export function Tile({ label, value, to, delta, hint, valueColor, testId, children }: TileProps) {
  return (
    <Paper withBorder p="md" component="section" aria-label={label} className={classes.tile} data-testid={testId}>
      <Stack gap={6}>
        <Group gap={4} justify="space-between" wrap="nowrap">
          <Text component={Link} to={to} size="sm" fw={500} className={classes.tileLink}>
            {label}
          </Text>
          <IconChevronRight size={16} aria-hidden color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
        </Group>
        <Text fz={28} fw={700} lh={1.1} c={valueColor}>
          {value}
        </Text>
        {delta}
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** "+3 par rapport à la période précédente", with an arrow whose colour repeats what the sign says. */
export function Delta({ current, previous, format }: { current: number; previous: number; format: (n: number) => string }) {
  const { t } = useTranslation();
  const diff = current - previous;
  const Icon = diff > 0 ? IconArrowUpRight : diff < 0 ? IconArrowDownRight : IconArrowRight;
  const color = diff > 0 ? 'var(--mantine-color-teal-text)' : diff < 0 ? 'var(--mantine-color-red-text)' : 'var(--mantine-color-dimmed)';
  const text =
    diff > 0 ? t('dashboard.delta.more', { value: format(diff) }) : diff < 0 ? t('dashboard.delta.less', { value: format(-diff) }) : t('dashboard.delta.same');
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={16} color={color} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="xs">{text}</Text>
    </Group>
  );
}

/** The delta of a ratio (null on either side: nothing to compare, nothing shown). */
export function RateDelta({ current, previous, format }: { current: number | null; previous: number | null; format: (n: number) => string }) {
  return current != null && previous != null ? <Delta current={current} previous={previous} format={format} /> : null;
}
