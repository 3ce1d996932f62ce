// Chart components shared by every module (Mantine charts on recharts): one palette from the
// theme, French labels from the caller, and each chart's values in a visually hidden table.
import '@mantine/charts/styles.css';

export { BarsChart } from './bars-chart.js';
export { DonutChart } from './donut-chart.js';
export { SparklineChart } from './sparkline-chart.js';
export { StageFunnelChart } from './stage-funnel-chart.js';
export { TimeSeriesChart } from './time-series-chart.js';
export { useChartColors } from './chart-colors.js';
export type { TChartItem, TChartPoint, TChartSeries, TValueFormatter } from './series.js';
