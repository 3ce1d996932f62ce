/** One point of a time series or bar chart: its axis label and a value per series key. */
export type TChartPoint = { label: string; values: Record<string, number | null> };

/** A series drawn in a chart: the key of its values, its label (legend, tooltip, table) and colour. */
export type TChartSeries = { key: string; label: string; color?: string };

/** A named value (a funnel stage, a donut slice, a sparkline point). */
export type TChartItem = { label: string; value: number };

/** Formats a value; the default prints nothing special (callers pass money, percent… formatters). */
export type TValueFormatter = (value: number) => string;

/** Flattens points into the rows recharts reads: `{ label, <key>: value }`. */
export function toRows(points: TChartPoint[]): Record<string, string | number | null>[] {
  return points.map((p) => ({ label: p.label, ...p.values }));
}

/** The accessible table of a multi-series chart. */
export function seriesTable(rowHeader: string, points: TChartPoint[], series: TChartSeries[], format: TValueFormatter) {
  return {
    rowHeader,
    columns: series.map((s) => s.label),
    rows: points.map((p) => ({ label: p.label, values: series.map((s) => (p.values[s.key] == null ? '—' : format(p.values[s.key]!))) })),
  };
}

/** The accessible table of a single-value chart. */
export function itemsTable(
  rowHeader: string,
  valueHeader: string,
  items: (TChartItem & { detail?: string })[],
  format: TValueFormatter,
  detailHeader?: string,
) {
  const withDetail = detailHeader !== undefined;
  return {
    rowHeader,
    columns: withDetail ? [valueHeader, detailHeader] : [valueHeader],
    rows: items.map((i) => ({ label: i.label, values: withDetail ? [format(i.value), i.detail ?? ''] : [format(i.value)] })),
  };
}
