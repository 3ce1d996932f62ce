import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { id: string; title: ReactNode; children: ReactNode };

/** A page section with its h2, linked for screen readers (aria-labelledby). */
export function TitledSection({ id, title, children }: Props) {
  return (
    <Stack component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
