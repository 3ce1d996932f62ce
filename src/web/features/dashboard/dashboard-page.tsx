import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../contracts/dashboard.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryState } from '../../ui/query-state.js';
import { isAdmin, useSignedInMe } from '../auth/session.js';
import { ActivityPanel } from './activity-panel.js';
import { AdsTiles } from './ads-tiles.js';
import { DashboardCharts } from './dashboard-charts.js';
import { useDashboard } from './dashboard-api.js';
import { useDashboardFormat } from './dashboard-format.js';
import { EmailTiles } from './email-tiles.js';
import { FunnelsTiles } from './funnels-tiles.js';
import { KpiTiles } from './kpi-tiles.js';
import { OnboardingChecklist } from './onboarding-checklist.js';
import { PeriodSelect, usePeriod } from './period-select.js';
import { TasksPanel } from './tasks-panel.js';

/**
 * /: the page a user opens every morning (key numbers of a period against the previous one: CRM and sales, funnels,
 * email, ads; each tile opens its page), or the first steps of a new workspace.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [period, setPeriod] = usePeriod();
  const query = useDashboard(period);
  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.context', { workspace: me.workspace.name, role: t(`roles.${me.role}`) })} />
      <QueryState query={query}>
        {(data) =>
          data.onboarding.total_leads === 0 ? (
            <OnboardingChecklist onboarding={data.onboarding} canWrite={me.role !== 'viewer'} showTeam={isAdmin(me.role)} />
          ) : (
            <Stack gap="lg">
              <Group justify="space-between" align="flex-end" wrap="wrap">
                <PeriodRange data={data} />
                <PeriodSelect value={period} onChange={setPeriod} />
              </Group>
              <KpiTiles data={data} />
              <FunnelsTiles data={data} />
              <EmailTiles data={data} />
              <AdsTiles data={data} />
              <DashboardCharts data={data} />
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <TasksPanel tasks={data.tasks} />
                <ActivityPanel items={data.recent_activity} />
              </SimpleGrid>
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}

/** "Du 2 nov. au 1 déc., comparé au 3 oct. – 1 nov." */
function PeriodRange({ data }: { data: TDashboard }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const p = data.period;
  return (
    <Text size="sm" data-testid="dashboard-range">
      {t('dashboard.period.range', { start: f.day(p.start), end: f.day(p.end), previousStart: f.day(p.previous_start), previousEnd: f.day(p.previous_end) })}
    </Text>
  );
}
