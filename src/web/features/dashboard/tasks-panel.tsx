import { Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TDashboard } from '../../../contracts/dashboard.js';
import { Panel } from './dashboard-charts.js';
import { useDashboardFormat } from './dashboard-format.js';

/** Open tasks overdue, due today and due this week, for me and for the whole team. */
export function TasksPanel({ tasks }: { tasks: TDashboard['tasks'] }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const rows = [
    { key: 'mine', label: t('dashboard.tasks.mine'), counts: tasks.mine },
    { key: 'team', label: t('dashboard.tasks.team'), counts: tasks.team },
  ];
  return (
    <Panel title={t('dashboard.tasks.title')}>
      <Table withRowBorders={false} verticalSpacing={6} data-testid="dashboard-tasks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dashboard.tasks.who')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.tasks.overdue')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.tasks.dueToday')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.tasks.upcoming')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              {/* Overdue in red (the theme's red text colour, readable in light and dark) only when there are some. */}
              <Table.Td ta="right" fw={row.counts.overdue > 0 ? 700 : undefined} c={row.counts.overdue > 0 ? 'var(--mantine-color-red-text)' : undefined}>
                {f.number(row.counts.overdue)}
              </Table.Td>
              <Table.Td ta="right">{f.number(row.counts.due_today)}</Table.Td>
              <Table.Td ta="right">{f.number(row.counts.upcoming)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button component={Link} to="/crm?tab=contacts" variant="light" size="xs" style={{ alignSelf: 'flex-start' }}>
        {t('dashboard.tasks.open')}
      </Button>
    </Panel>
  );
}
