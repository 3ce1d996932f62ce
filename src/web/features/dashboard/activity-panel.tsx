import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LEAD_STATUSES } from '../../../contracts/crm.js';
import type { TDashboard } from '../../../contracts/dashboard.js';
import { Panel } from './dashboard-charts.js';
import { useDashboardFormat } from './dashboard-format.js';

type TActivity = TDashboard['recent_activity'][number];

const INTERACTION_TYPES = ['call', 'email', 'meeting', 'note'] as const;

function status(value: unknown, t: TFunction): string {
  const known = LEAD_STATUSES.find((s) => s === value);
  return known ? t(`crmBoard.status.${known}`) : String(value ?? '—');
}

/** One line of text for an event, the lead's name included. */
function describe(a: TActivity, t: TFunction): string {
  const lead = a.lead_name;
  const title = typeof a.data.title === 'string' ? a.data.title : '';
  switch (a.event_type) {
    case 'created':
      return t('dashboard.activity.created', { lead });
    case 'status_changed':
      return t('dashboard.activity.status_changed', { lead, from: status(a.data.from, t), to: status(a.data.to, t) });
    case 'interaction_added': {
      const type = INTERACTION_TYPES.find((x) => x === a.data.interaction_type);
      return t('dashboard.activity.interaction_added', { lead, type: type ? t(`dashboard.activity.types.${type}`) : '' });
    }
    case 'task_added':
      return t('dashboard.activity.task_added', { lead, title });
    case 'task_completed':
      return t('dashboard.activity.task_completed', { lead, title });
    case 'form_submitted':
      return t('dashboard.activity.form_submitted', { lead });
    default:
      return t('dashboard.activity.other', { lead, type: a.event_type });
  }
}

/** The workspace's latest lead events, each linking to its lead. */
export function ActivityPanel({ items }: { items: TActivity[] }) {
  const { t } = useTranslation();
  const f = useDashboardFormat();
  return (
    <Panel title={t('dashboard.activity.title')}>
      {items.length === 0 ? (
        <Text size="sm">{t('dashboard.activity.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((a) => (
            <li key={a.id}>
              <Anchor component={Link} to={`/crm/leads/${a.lead_id}`} size="sm">
                {describe(a, t)}
              </Anchor>
              <Group gap={6}>
                <Text size="xs" c="dimmed" component="time" dateTime={a.occurred_at}>
                  {f.relative(a.occurred_at)}
                </Text>
                {a.actor_name && (
                  <Text size="xs" c="dimmed">
                    {t('dashboard.activity.by', { name: a.actor_name })}
                  </Text>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Panel>
  );
}
