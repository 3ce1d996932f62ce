import { FunnelChart } from '@mantine/charts';
import { ChartFrame } from './chart-frame.js';
import { useChartColors } from './chart-colors.js';
import { itemsTable, type TChartItem, type TValueFormatter } from './series.js';

type Props = {
  title: string;
  /** Table headers: what a row is ("Étape") and what the value is ("Leads"). */
  rowHeader: string;
  valueHeader: string;
  items: TChartItem[];
  valueFormatter?: TValueFormatter;
  size?: number;
  empty?: string | false;
};

/** Stages from first to last as a funnel, labelled with their values. */
export function StageFunnelChart({ title, rowHeader, valueHeader, items, valueFormatter = String, size = 220, empty }: Props) {
  const colors = useChartColors();
  return (
    <ChartFrame title={title} empty={empty} table={itemsTable(rowHeader, valueHeader, items, valueFormatter)}>
      <FunnelChart
        size={size}
        data={items.map((item, i) => ({ name: item.label, value: item.value, color: colors[i % colors.length]! }))}
        withLabels
        labelsPosition="right"
        labelColor="var(--mantine-color-text)"
        valueFormatter={valueFormatter}
        accessibilityLayer={false}
      />
    </ChartFrame>
  );
}
