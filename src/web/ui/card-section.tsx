import { Paper, Stack, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A bordered card with its h2, named by it for screen readers: a part of a long page (a campaign, a report). */
export function CardSection({ title, children, mb }: { title: ReactNode; children: ReactNode; mb?: string }) {
  const id = useId();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" component="section" aria-labelledby={id} mb={mb}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
