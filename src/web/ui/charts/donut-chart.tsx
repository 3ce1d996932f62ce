import { DonutChart as MantineDonut } from '@mantine/charts';
import { ColorSwatch, Group, Stack, Text } from '@mantine/core';
import { ChartFrame } from './chart-frame.js';
import { useChartColors } from './chart-colors.js';
import { itemsTable, type TChartItem, type TValueFormatter } from './series.js';

type Props = {
  title: string;
  rowHeader: string;
  valueHeader: string;
  items: TChartItem[];
  valueFormatter?: TValueFormatter;
  size?: number;
  empty?: string | false;
};

/** Parts of a whole as a donut, with a visible legend (label and value) beside it. */
export function DonutChart({ title, rowHeader, valueHeader, items, valueFormatter = String, size = 140, empty }: Props) {
  const colors = useChartColors();
  const cells = items.map((item, i) => ({ name: item.label, value: item.value, color: colors[i % colors.length]! }));
  return (
    <ChartFrame title={title} empty={empty} table={itemsTable(rowHeader, valueHeader, items, valueFormatter)}>
      <Group gap="lg" wrap="nowrap" align="center">
        <MantineDonut size={size} thickness={22} data={cells} valueFormatter={valueFormatter} withTooltip={false} accessibilityLayer={false} />
        <Stack gap={4} style={{ minWidth: 0 }}>
          {cells.map((cell) => (
            <Group key={cell.name} gap="xs" wrap="nowrap">
              <ColorSwatch color={`var(--mantine-color-${cell.color.replace('.', '-')})`} size={12} withShadow={false} />
              <Text size="sm" truncate>
                {cell.name}
              </Text>
              <Text size="sm" fw={600}>
                {valueFormatter(cell.value)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
    </ChartFrame>
  );
}
