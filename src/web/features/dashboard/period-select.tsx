import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DASHBOARD_PERIODS, ZDashboardPeriod, type TDashboardPeriod } from '../../../contracts/dashboard.js';

/** The period in the URL (`?period=`), so a reload or a shared link keeps it; 30 days by default. */
export function usePeriod(): [TDashboardPeriod, (p: TDashboardPeriod) => void] {
  const [params, setParams] = useSearchParams();
  const parsed = ZDashboardPeriod.safeParse(params.get('period'));
  const period = parsed.success ? parsed.data : '30d';
  return [period, (p) => setParams(p === '30d' ? {} : { period: p }, { replace: true })];
}

export function PeriodSelect({ value, onChange }: { value: TDashboardPeriod; onChange: (p: TDashboardPeriod) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('dashboard.period.label')}
      data={DASHBOARD_PERIODS.map((p) => ({ value: p, label: t(`dashboard.period.${p}`) }))}
      value={value}
      onChange={(v) => v && onChange(ZDashboardPeriod.parse(v))}
      allowDeselect={false}
      w={{ base: '100%', xs: 220 }}
    />
  );
}
