import { useTranslation } from 'react-i18next';
import { BREAK_EVEN_ROAS } from '../../../contracts/ads.js';
import type { TDashboard } from '../../../contracts/dashboard.js';
import { useDashboardFormat } from './dashboard-format.js';
import { ModuleSection } from './module-section.js';
import { Delta, RateDelta, Tile } from './tile.js';

/** True while the workspace has no ad campaign: the empty state says how to bring figures in. */
export function adsEmpty(data: TDashboard): boolean {
  return data.ads.campaigns === 0;
}

/** Ads: spend (with the platforms' conversions), real revenue attributed by UTM, and ROAS on that revenue. */
export function AdsTiles({ data }: { data: TDashboard }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const a = data.ads;
  const roas = (n: number) => `${f.number(n, 2)}×`;
  const roasColor = a.roas.current == null ? undefined : a.roas.current >= BREAK_EVEN_ROAS ? 'var(--mantine-color-teal-text)' : 'var(--mantine-color-red-text)';
  const empty = adsEmpty(data) ? { text: t('dashboard.ads.empty'), actions: [{ label: t('dashboard.ads.start'), to: '/ads' }] } : null;
  const spendHint = [
    t('dashboard.ads.conversions', { count: a.conversions.current, value: f.number(a.conversions.current) }),
    ...(a.other_currency_campaigns > 0 ? [t('dashboard.ads.otherCurrencies', { count: a.other_currency_campaigns })] : []),
  ].join(' · ');
  return (
    <ModuleSection title={t('dashboard.ads.title')} empty={empty} testId="dashboard-ads">
      <Tile label={t('dashboard.ads.spend')} to="/ads" value={f.money(a.spend.current)} delta={<Delta {...a.spend} format={f.money} />} hint={spendHint} />
      <Tile
        label={t('dashboard.ads.revenue')}
        to="/ads"
        value={f.money(a.revenue.current)}
        delta={<Delta {...a.revenue} format={f.money} />}
        hint={t('dashboard.ads.revenueHint')}
      />
      <Tile
        label={t('dashboard.ads.roas')}
        to="/ads"
        value={a.roas.current == null ? '—' : roas(a.roas.current)}
        valueColor={roasColor}
        delta={<RateDelta {...a.roas} format={roas} />}
        hint={a.roas.current == null ? t('dashboard.ads.noSpend') : t('dashboard.ads.roasHint')}
      />
    </ModuleSection>
  );
}
