import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { Link } from 'react-router';

type Props = {
  title: string;
  /** Shown instead of the tiles while the module has nothing to count yet: how to get data, never fake numbers. */
  empty: { text: string; actions: { label: string; to: string }[] } | null;
  testId: string;
  children: ReactNode;
};

/** One module's row of tiles under its heading, or the empty state that says how to fill it. */
export function ModuleSection({ title, empty, testId, children }: Props) {
  const id = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {empty ? (
        <Paper withBorder p="md" style={{ borderStyle: 'dashed' }}>
          <Group justify="space-between" gap="sm">
            <Text size="sm" maw={640}>
              {empty.text}
            </Text>
            <Group gap="xs">
              {empty.actions.map((a, i) => (
                <Button key={a.to + a.label} component={Link} to={a.to} size="xs" variant={i === 0 ? 'light' : 'default'}>
                  {a.label}
                </Button>
              ))}
            </Group>
          </Group>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>{children}</SimpleGrid>
      )}
    </Stack>
  );
}
