import { Box, Group, Stack, Text } from '@mantine/core';
import { ChartFrame } from './chart-frame.js';
import { useChartColors } from './chart-colors.js';
import { itemsTable, type TChartItem, type TValueFormatter } from './series.js';

type Props = {
  title: string;
  /** Table headers: what a row is ("Étape") and what the value is ("Leads"). */
  rowHeader: string;
  valueHeader: string;
  /** Header of the second figure shown under each value (e.g. "Valeur" for the stage's amount). */
  detailHeader?: string;
  /** Stages from first to last. */
  items: (TChartItem & { detail?: string })[];
  valueFormatter?: TValueFormatter;
  empty?: string | false;
};

/**
 * Stages from first to last as a funnel: one centred bar per stage, as wide as its share of the
 * largest stage, with the stage's name and value beside it. Drawn in HTML rather than recharts'
 * funnel, whose labels carry only the value and whose shape breaks on empty stages.
 */
export function StageFunnelChart({ title, rowHeader, valueHeader, detailHeader, items, valueFormatter = String, empty }: Props) {
  const colors = useChartColors();
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ChartFrame title={title} empty={empty} table={itemsTable(rowHeader, valueHeader, items, valueFormatter, detailHeader)}>
      <Stack gap={6}>
        {items.map((item, i) => (
          <Group key={item.label} gap="sm" wrap="nowrap">
            <Text size="sm" w={110} style={{ flexShrink: 0 }} truncate>
              {item.label}
            </Text>
            <Box style={{ flex: 1, display: 'flex', justifyContent: 'center' }}>
              <Box
                h={26}
                style={{
                  width: `${Math.max(2, (item.value / max) * 100)}%`,
                  background: `var(--mantine-color-${colors[i % colors.length]!.replace('.', '-')})`,
                  borderRadius: 4,
                  transition: 'width 200ms',
                }}
              />
            </Box>
            <Stack gap={0} w={90} style={{ flexShrink: 0 }} align="flex-end">
              <Text size="sm" fw={700}>
                {valueFormatter(item.value)}
              </Text>
              {item.detail && (
                <Text size="xs" c="dimmed">
                  {item.detail}
                </Text>
              )}
            </Stack>
          </Group>
        ))}
      </Stack>
    </ChartFrame>
  );
}
