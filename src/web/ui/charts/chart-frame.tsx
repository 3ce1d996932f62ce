import { Box, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';

export type TChartTable = {
  /** Header of the first column (what each row is: "Jour", "Étape"…). */
  rowHeader: string;
  /** Header of each value column. */
  columns: string[];
  rows: { label: string; values: string[] }[];
};

type Props = {
  /** What the chart shows, read as the figure's name. */
  title: string;
  /** Shown (and read) instead of the chart when there is nothing to draw. */
  empty?: string | false;
  /** The chart's values as a table, for screen readers (the drawing itself is hidden from them). */
  table: TChartTable;
  children: ReactNode;
};

/**
 * A chart's accessible frame: a named figure whose drawing is hidden from assistive technology
 * (recharts' SVG says nothing useful) and whose values are in a visually hidden table.
 */
export function ChartFrame({ title, empty, table, children }: Props) {
  const id = useId();
  if (empty) {
    return (
      <Text size="sm" c="dimmed" py="md">
        {empty}
      </Text>
    );
  }
  return (
    <Box component="figure" m={0} aria-labelledby={id}>
      <VisuallyHidden id={id}>{title}</VisuallyHidden>
      <div aria-hidden>{children}</div>
      <VisuallyHidden>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{table.rowHeader}</th>
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={`${row.label}-${i}`}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, j) => (
                  <td key={j}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Box>
  );
}
