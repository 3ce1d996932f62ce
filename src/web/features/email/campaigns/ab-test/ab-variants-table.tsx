import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { TAbTestReport, TAbVariantKey } from '../../../../../contracts/email-campaigns.js';
import { useFormatters } from '../../../../lib/format.js';
import { chance, intervalWords, metricValue } from './ab-words.js';

type Props = {
  test: TAbTestReport;
  /** Set while a member may still pick the winner by hand: called with the variant chosen. */
  onChoose?: (key: TAbVariantKey) => void;
};

/** Every variant's numbers: what differs, delivered, opened, clicked, the metric's rate, its interval and its chances. */
export function AbVariantsTable({ test, onChoose }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  // On a phone ten columns would hide the "Choisir" buttons off to the right: one card per variant instead.
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone) return <AbVariantCards test={test} onChoose={onChoose} />;
  // Only what differs gets a column: a test of the subject shows the subjects, of the sender the senders.
  const differs = (pick: (v: TAbTestReport['variants'][number]) => string) => new Set(test.variants.map(pick)).size > 1;
  const showSubject = differs((v) => v.subject);
  const showFrom = differs((v) => v.from_name);
  const metric = t(`email.abTest.metrics.${test.metric}`);
  const revenue = test.metric === 'revenue_per_recipient';
  return (
    <Table.ScrollContainer minWidth={onChoose ? 720 : 620}>
      <Table verticalSpacing="xs">
        <caption style={{ captionSide: 'top', textAlign: 'start', padding: 0 }}>
          <Text size="sm" fw={600} component="span">
            {t('email.abTest.report.table')}
          </Text>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('email.abTest.report.variant')}</Table.Th>
            {showSubject && <Table.Th>{t('email.abTest.report.subject')}</Table.Th>}
            {showFrom && <Table.Th>{t('email.abTest.report.fromName')}</Table.Th>}
            <Table.Th ta="right">{t('email.abTest.report.delivered')}</Table.Th>
            <Table.Th ta="right">{t('email.abTest.report.opened')}</Table.Th>
            <Table.Th ta="right">{t('email.abTest.report.clicked')}</Table.Th>
            {revenue && <Table.Th ta="right">{t('email.revenue.abPaying')}</Table.Th>}
            {revenue && <Table.Th ta="right">{t('email.revenue.abRevenue')}</Table.Th>}
            <Table.Th>
              {metric}
              <Text size="xs" c="dimmed" component="span" display="block">
                {t('email.abTest.report.interval')}
              </Text>
            </Table.Th>
            <Table.Th ta="right">{t('email.abTest.report.probability')}</Table.Th>
            {onChoose && (
              <Table.Th>
                <VisuallyHidden>{t('email.abTest.report.chooseColumn')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {test.variants.map((variant) => (
            <Table.Tr key={variant.key} data-testid={`ab-variant-${variant.key}`}>
              <Table.Th scope="row" fw={700} style={{ whiteSpace: 'nowrap' }}>
                <Group gap={6} wrap="nowrap">
                  {variant.key}
                  {variant.key === test.winner && (
                    <Badge color="teal" variant="light" size="sm" style={{ flexShrink: 0, overflow: 'visible' }}>
                      {t('email.abTest.report.winnerBadge')}
                    </Badge>
                  )}
                </Group>
              </Table.Th>
              {showSubject && <Table.Td style={{ overflowWrap: 'anywhere', minWidth: 160 }}>{variant.subject}</Table.Td>}
              {showFrom && <Table.Td style={{ overflowWrap: 'anywhere' }}>{variant.from_name}</Table.Td>}
              <Table.Td ta="right">{format.number(variant.delivered)}</Table.Td>
              <Table.Td ta="right">{format.number(variant.opened)}</Table.Td>
              <Table.Td ta="right">{format.number(variant.clicked)}</Table.Td>
              {revenue && <Table.Td ta="right">{format.number(variant.paying)}</Table.Td>}
              {revenue && <Table.Td ta="right">{format.money(variant.revenue)}</Table.Td>}
              {/* The rate and, under it, the interval it is known within: read together, as the chart draws them. */}
              <Table.Td>
                <Text size="sm" fw={700}>
                  {variant.delivered > 0 ? metricValue(test.metric, variant.rate, format) : '—'}
                </Text>
                {variant.delivered > 0 && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {intervalWords(variant.interval, t, format, test.metric)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{variant.probability_to_beat_control === null ? '—' : chance(variant.probability_to_beat_control, format)}</Table.Td>
              {onChoose && (
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => onChoose(variant.key)}>
                    {t('email.abTest.report.choose', { key: variant.key })}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The same numbers as the table, a card per variant (phones), the choice as a full-width button. */
function AbVariantCards({ test, onChoose }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const metric = t(`email.abTest.metrics.${test.metric}`);
  return (
    <Stack gap="xs" component="ul" p={0} m={0} aria-label={t('email.abTest.report.table')} style={{ listStyle: 'none' }}>
      {test.variants.map((variant) => {
        const numbers: [string, string][] = [
          [t('email.abTest.report.delivered'), format.number(variant.delivered)],
          [t('email.abTest.report.opened'), format.number(variant.opened)],
          [t('email.abTest.report.clicked'), format.number(variant.clicked)],
          ...(test.metric === 'revenue_per_recipient'
            ? ([
                [t('email.revenue.abPaying'), format.number(variant.paying)],
                [t('email.revenue.abRevenue'), format.money(variant.revenue)],
              ] as [string, string][])
            : []),
          [t('email.abTest.report.probability'), variant.probability_to_beat_control === null ? '—' : chance(variant.probability_to_beat_control, format)],
        ];
        return (
          <Paper component="li" key={variant.key} withBorder radius="md" p="sm" data-testid={`ab-variant-${variant.key}`}>
            <Stack gap={6}>
              <Group gap={6}>
                <Text fw={700}>{variant.key === 'A' ? t('email.abTest.control') : t('email.abTest.variant', { key: variant.key })}</Text>
                {variant.key === test.winner && (
                  <Badge color="teal" variant="light" size="sm">
                    {t('email.abTest.report.winnerBadge')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {variant.subject}
                {variant.from_name && (
                  <Text span size="sm" c="dimmed">
                    {` · ${variant.from_name}`}
                  </Text>
                )}
              </Text>
              <Text size="sm">
                {t('email.abTest.report.rateLabel', { metric })}{' '}
                <Text span fw={700}>
                  {variant.delivered > 0 ? metricValue(test.metric, variant.rate, format) : '—'}
                </Text>
                {variant.delivered > 0 && (
                  <Text span size="sm" c="dimmed">
                    {` (${intervalWords(variant.interval, t, format, test.metric)})`}
                  </Text>
                )}
              </Text>
              <SimpleGrid cols={2} spacing={4} verticalSpacing={2} component="dl" m={0}>
                {numbers.map(([label, value]) => (
                  <Group key={label} gap={4} wrap="nowrap">
                    <Text component="dt" size="xs" c="dimmed">
                      {label}
                    </Text>
                    <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'nowrap' }}>
                      {value}
                    </Text>
                  </Group>
                ))}
              </SimpleGrid>
              {onChoose && (
                <Button size="xs" variant="light" fullWidth onClick={() => onChoose(variant.key)}>
                  {t('email.abTest.report.choose', { key: variant.key })}
                </Button>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
