import { AreaChart } from '@mantine/charts';
import { ChartFrame } from './chart-frame.js';
import { useChartColors } from './chart-colors.js';
import { seriesTable, toRows, type TChartPoint, type TChartSeries, type TValueFormatter } from './series.js';

type Props = {
  title: string;
  /** Header of the table's first column ("Jour", "Semaine"). */
  rowHeader: string;
  points: TChartPoint[];
  series: TChartSeries[];
  valueFormatter?: TValueFormatter;
  height?: number;
  /** Shown instead of the chart when set (nothing to draw yet). */
  empty?: string | false;
};

/** Values over time as areas (one per series), with the values in an accessible table. */
export function TimeSeriesChart({ title, rowHeader, points, series, valueFormatter = String, height = 220, empty }: Props) {
  const colors = useChartColors();
  return (
    <ChartFrame title={title} empty={empty} table={seriesTable(rowHeader, points, series, valueFormatter)}>
      <AreaChart
        h={height}
        data={toRows(points)}
        dataKey="label"
        series={series.map((s, i) => ({ name: s.key, label: s.label, color: s.color ?? colors[i % colors.length]! }))}
        curveType="monotone"
        valueFormatter={valueFormatter}
        withLegend={series.length > 1}
        connectNulls
        tickLine="none"
        gridAxis="y"
        accessibilityLayer={false}
      />
    </ChartFrame>
  );
}
