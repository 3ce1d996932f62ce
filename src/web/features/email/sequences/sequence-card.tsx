import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { flattenSteps, type TSequence } from '../../../../contracts/email-sequences.js';
import { useFormatters } from '../../../lib/format.js';
import { SequenceStatusBadge } from './sequence-status-badge.js';

/** A sequence as a card: name, status, number of steps, and its enrollments, conversions, revenue and open rate. */
export function SequenceCard({ sequence }: { sequence: TSequence }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { totals } = sequence;
  const titleId = `sequence-${sequence.id}`;
  const stepCount = flattenSteps(sequence.steps).length;
  const figures = [
    { label: t('email.sequences.totals.enrolled'), value: format.number(totals.enrolled) },
    { label: t('email.sequences.totals.active'), value: format.number(totals.active) },
    { label: t('email.sequences.totals.completed'), value: format.number(totals.completed) },
    { label: t('email.sequences.totals.conversions'), value: format.number(totals.conversions) },
    { label: t('email.sequences.totals.revenue'), value: format.money(totals.revenue) },
    // No rate before a first email went out: a dash rather than a misleading 0 %.
    { label: t('email.sequences.totals.openRate'), value: totals.sent > 0 ? format.percent(totals.opened / totals.sent) : '—' },
  ];
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h4" id={titleId} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {sequence.name}
          </Title>
          <SequenceStatusBadge status={sequence.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('email.sequences.card.steps', { count: stepCount, formatted: format.number(stepCount) })}
        </Text>
        <SimpleGrid cols={{ base: 3 }} spacing="xs" verticalSpacing="xs" component="dl" m={0}>
          {figures.map((figure) => (
            // The term comes first for screen readers; the figure shows above it.
            <Stack key={figure.label} gap={0} style={{ flexDirection: 'column-reverse', justifyContent: 'flex-end' }}>
              <Text component="dt" size="xs" c="dimmed">
                {figure.label}
              </Text>
              <Text component="dd" m={0} fw={700}>
                {figure.value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Group gap="xs" mt="auto">
          <Button size="xs" variant="light" component={Link} to={`/email-marketing/sequences/${sequence.id}`}>
            {t('email.sequences.card.open')}
          </Button>
          <Button size="xs" variant="subtle" component={Link} to={`/email-marketing/sequences/${sequence.id}?tab=report`}>
            {t('email.sequences.card.report')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
