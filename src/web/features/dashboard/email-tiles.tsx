import { useTranslation } from 'react-i18next';
import type { TDashboard } from '../../../contracts/dashboard.js';
import { useDashboardFormat } from './dashboard-format.js';
import { ModuleSection } from './module-section.js';
import { Delta, Tile } from './tile.js';

/** True while no message ever went out (and none in either period): the empty state says how to start. */
export function emailEmpty(data: TDashboard): boolean {
  return !data.onboarding.campaign_sent && data.email.sent.current + data.email.sent.previous === 0;
}

/** Email: messages sent in the period, and how many a person opened and clicked (unique), with their rates. */
export function EmailTiles({ data }: { data: TDashboard }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  const e = data.email;
  const rate = (value: number | null, key: 'openRate' | 'clickRate') =>
    value == null ? t('dashboard.email.noDelivered') : t(`dashboard.email.${key}`, { rate: f.percent(value, 1) });
  const empty = emailEmpty(data) ? { text: t('dashboard.email.empty'), actions: [{ label: t('dashboard.email.start'), to: '/email-marketing' }] } : null;
  return (
    <ModuleSection title={t('dashboard.email.title')} empty={empty} testId="dashboard-email">
      <Tile
        label={t('dashboard.email.sent')}
        to="/email-marketing"
        value={f.number(e.sent.current)}
        delta={<Delta {...e.sent} format={f.number} />}
        hint={t('dashboard.email.delivered', { count: e.delivered.current })}
      />
      <Tile
        label={t('dashboard.email.opens')}
        to="/email-marketing"
        value={f.number(e.opens.current)}
        delta={<Delta {...e.opens} format={f.number} />}
        hint={rate(e.open_rate.current, 'openRate')}
      />
      <Tile
        label={t('dashboard.email.clicks')}
        to="/email-marketing"
        value={f.number(e.clicks.current)}
        delta={<Delta {...e.clicks} format={f.number} />}
        hint={rate(e.click_rate.current, 'clickRate')}
      />
    </ModuleSection>
  );
}
