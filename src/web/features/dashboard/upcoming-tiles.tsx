import { Badge, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// The slot kept for the ads module (issue 14 replaces it with real numbers); until then it says what will appear,
// with no fake figures. Email and funnels have their own reports; the revenue tile counts the funnels' orders.
const SLOTS = ['ads'] as const;

/** Places reserved on the dashboard for the modules still to come. */
export function UpcomingTiles() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="upcoming-title">
      <Stack gap={2}>
        <Title order={2} size="h4" id="upcoming-title">
          {t('dashboard.upcoming.title')}
        </Title>
        <Text size="sm">{t('dashboard.upcoming.intro')}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {SLOTS.map((slot) => (
          <Paper key={slot} withBorder p="md" style={{ borderStyle: 'dashed' }} data-testid={`dashboard-slot-${slot}`}>
            <Stack gap={6} align="flex-start">
              <Badge color="gray" variant="light">
                {t('common.comingSoon')}
              </Badge>
              <Title order={3} size="h5">
                {t(`dashboard.upcoming.${slot}.title`)}
              </Title>
              <Text size="sm">{t(`dashboard.upcoming.${slot}.text`)}</Text>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
