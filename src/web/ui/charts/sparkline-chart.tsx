import { Sparkline } from '@mantine/charts';
import { ChartFrame } from './chart-frame.js';
import { useChartColors } from './chart-colors.js';
import type { TValueFormatter } from './series.js';

type Props = {
  title: string;
  rowHeader: string;
  valueHeader: string;
  /** Points in time order; null where there is no value (drawn as a gap bridged by the line). */
  items: { label: string; value: number | null }[];
  valueFormatter?: TValueFormatter;
  height?: number;
  color?: string;
};

/** A small trend line without axes, for a KPI tile; its values stay readable in the hidden table. */
export function SparklineChart({ title, rowHeader, valueHeader, items, valueFormatter = String, height = 40, color }: Props) {
  const colors = useChartColors();
  const table = { rowHeader, columns: [valueHeader], rows: items.map((i) => ({ label: i.label, values: [i.value == null ? '—' : valueFormatter(i.value)] })) };
  return (
    <ChartFrame title={title} table={table}>
      <Sparkline h={height} data={items.map((i) => i.value)} color={color ?? colors[0]!} curveType="monotone" fillOpacity={0.25} connectNulls />
    </ChartFrame>
  );
}
