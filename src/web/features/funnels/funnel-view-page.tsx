import { Anchor, Tabs } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TFunnel } from '../../../contracts/funnels.js';
import { QueryState } from '../../ui/query-state.js';
import { useSignedInMe } from '../auth/session.js';
import { FunnelHeader } from './funnel-header.js';
import { FunnelSteps } from './funnel-steps.js';
import { useFunnel } from './funnels-api.js';
import { FunnelStatsReport } from './stats/funnel-stats-report.js';
import { WebinarPanel } from './webinar/webinar-panel.js';

const TABS = ['steps', 'stats'] as const;
type TTab = (typeof TABS)[number] | 'webinar';

/** /funnels/:id: a funnel's header and actions, its steps (pages in order) and, `?tab=stats`, its live statistics. */
export function FunnelViewPage() {
  const { id = '' } = useParams();
  const funnel = useFunnel(id);
  return <QueryState query={funnel}>{(data) => <FunnelView key={data.id} funnel={data} />}</QueryState>;
}

function FunnelView({ funnel }: { funnel: TFunnel }) {
  const { t } = useTranslation();
  const canEdit = useSignedInMe().role !== 'viewer';
  const [params, setParams] = useSearchParams();
  const isWebinar = funnel.funnel_type === 'webinar';
  const tab: TTab = isWebinar && params.get('tab') === 'webinar' ? 'webinar' : (TABS.find((value) => value === params.get('tab')) ?? 'steps');
  const selectTab = (value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (!value || value === 'steps') next.delete('tab');
      else next.set('tab', value);
      return next;
    });
  return (
    <>
      <Anchor component={Link} to="/funnels" size="sm" mb="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden />
        {t('funnelList.view.back')}
      </Anchor>
      <FunnelHeader funnel={funnel} canEdit={canEdit} />
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`funnelList.view.tabs.${value}`)}
            </Tabs.Tab>
          ))}
          {isWebinar && <Tabs.Tab value="webinar">{t('funnelList.webinar.tab')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="steps">
          <FunnelSteps funnel={funnel} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="stats">
          <FunnelStatsReport funnel={funnel} />
        </Tabs.Panel>
        {isWebinar && (
          <Tabs.Panel value="webinar">
            <WebinarPanel funnel={funnel} canEdit={canEdit} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
