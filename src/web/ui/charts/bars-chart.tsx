import { BarChart } from '@mantine/charts';
import { ChartFrame } from './chart-frame.js';
import { useChartColors } from './chart-colors.js';
import { seriesTable, toRows, type TChartPoint, type TChartSeries, type TValueFormatter } from './series.js';

type Props = {
  title: string;
  rowHeader: string;
  points: TChartPoint[];
  series: TChartSeries[];
  valueFormatter?: TValueFormatter;
  height?: number;
  /** Bars laid side by side (default) or stacked. */
  stacked?: boolean;
  /** Horizontal bars (long labels such as sources). */
  horizontal?: boolean;
  empty?: string | false;
};

/** Bars per label (one colour per series), with the values in an accessible table. */
export function BarsChart({ title, rowHeader, points, series, valueFormatter = String, height = 220, stacked, horizontal, empty }: Props) {
  const colors = useChartColors();
  return (
    <ChartFrame title={title} empty={empty} table={seriesTable(rowHeader, points, series, valueFormatter)}>
      <BarChart
        h={height}
        data={toRows(points)}
        dataKey="label"
        type={stacked ? 'stacked' : 'default'}
        orientation={horizontal ? 'vertical' : 'horizontal'}
        series={series.map((s, i) => ({ name: s.key, label: s.label, color: s.color ?? colors[i % colors.length]! }))}
        valueFormatter={valueFormatter}
        withLegend={series.length > 1}
        tickLine="none"
        gridAxis={horizontal ? 'x' : 'y'}
        yAxisProps={horizontal ? { width: 110 } : undefined}
        accessibilityLayer={false}
      />
    </ChartFrame>
  );
}
