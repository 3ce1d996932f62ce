import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type TPlannedSection = { title: string; items: string[] };

type Props = { sections: TPlannedSection[]; children?: ReactNode };

/** Honest placeholder for a module that is not built yet: what it will offer, no fake data. */
export function ComingSoon({ sections, children }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="coming-soon-title">
      <Stack gap="lg">
        <Stack gap="xs">
          <Group gap="sm">
            <Title order={2} id="coming-soon-title">
              {t('comingSoon.title')}
            </Title>
            <Badge variant="light" color="yellow">
              {t('common.comingSoon')}
            </Badge>
          </Group>
          <Text>{t('comingSoon.intro')}</Text>
        </Stack>
        {children}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {sections.map((section) => (
            <Stack key={section.title} gap="xs">
              <Title order={3} size="h4">
                {section.title}
              </Title>
              <List spacing={4} size="sm">
                {section.items.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
