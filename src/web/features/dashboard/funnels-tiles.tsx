import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../contracts/dashboard.js';
import { SparklineChart } from '../../ui/charts/index.js';
import { useDashboardFormat } from './dashboard-format.js';
import { ModuleSection } from './module-section.js';
import { Delta, Tile } from './tile.js';

/** True while the workspace has no funnel online and nothing counted: the empty state says how to start. */
export function funnelsEmpty(data: TDashboard): boolean {
  const f = data.funnels;
  return !data.onboarding.funnel_published && f.visitors.current + f.visitors.previous + f.sales.current + f.sales.previous === 0;
}

/** Funnels: visitors, opt-ins (with the opt-in rate) and the sales that came from a funnel. */
export function FunnelsTiles({ data }: { data: TDashboard }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const block = data.funnels;
  const bucketLabel = t(data.period.bucket === 'day' ? 'dashboard.charts.day' : 'dashboard.charts.week');
  const empty = funnelsEmpty(data)
    ? { text: t('dashboard.funnels.empty'), actions: [{ label: t('dashboard.funnels.start'), to: '/funnels?tab=templates' }] }
    : null;
  return (
    <ModuleSection title={t('dashboard.funnels.title')} empty={empty} testId="dashboard-funnels">
      <Tile
        label={t('dashboard.funnels.visitors')}
        to="/funnels?tab=stats"
        value={f.number(block.visitors.current)}
        delta={<Delta {...block.visitors} format={f.number} />}
        hint={t('dashboard.funnels.visitorsHint')}
      >
        {block.visitors.current > 0 && (
          <SparklineChart
            title={t('dashboard.funnels.visitors')}
            rowHeader={bucketLabel}
            valueHeader={t('dashboard.funnels.visitors')}
            items={data.series.map((s) => ({ label: f.day(s.start), value: s.visitors }))}
            valueFormatter={f.number}
          />
        )}
      </Tile>
      <Tile
        label={t('dashboard.funnels.optins')}
        to="/funnels?tab=stats"
        value={f.number(block.optins.current)}
        delta={<Delta {...block.optins} format={f.number} />}
        hint={
          block.optin_rate.current == null
            ? t('dashboard.funnels.noVisitor')
            : t('dashboard.funnels.optinRate', { rate: f.percent(block.optin_rate.current, 1) })
        }
      />
      <Tile
        label={t('dashboard.funnels.sales')}
        to="/funnels?tab=orders"
        value={f.number(block.sales.current)}
        delta={<Delta {...block.sales} format={f.number} />}
        hint={t('dashboard.funnels.salesHint')}
      />
    </ModuleSection>
  );
}
