import { Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  label: string;
  value: string;
  /** A short line under the value (what it counts, out of what). */
  detail?: ReactNode;
  /** Beside the value: a badge saying whether it is good, for instance. */
  badge?: ReactNode;
};

/** One number of a report in a bordered tile: its label, the value in large type, and a dimmed detail. */
export function StatCard({ label, value, detail, badge }: Props) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Group gap={6} align="baseline">
        <Text fz={26} fw={700}>
          {value}
        </Text>
        {badge}
      </Group>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}
