import { Button, Group, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import {
  IconArrowsExchange,
  IconBolt,
  IconCalendarEvent,
  IconChecklist,
  IconMail,
  IconNote,
  IconPhone,
  IconPlus,
  IconSparkles,
  IconTag,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTimelineItem } from '../../../../contracts/crm-contacts.js';
import { useFormatDate } from '../../../lib/format.js';
import { useCustomFields, useWorkspaceMembers } from '../crm-api.js';
import { describeEvent, type TDescribeContext } from './describe-event.js';
import { useTimeline } from './lead-drawer-api.js';

const INTERACTION_ICONS: Record<string, ReactNode> = {
  email: <IconMail size={14} />,
  call: <IconPhone size={14} />,
  meeting: <IconCalendarEvent size={14} />,
  note: <IconNote size={14} />,
};

function eventIcon(type: string): ReactNode {
  if (type === 'created' || type === 'imported') return <IconPlus size={14} />;
  if (type === 'status_changed') return <IconArrowsExchange size={14} />;
  if (type === 'tag_added' || type === 'tag_removed') return <IconTag size={14} />;
  if (type.startsWith('task_')) return <IconChecklist size={14} />;
  if (type === 'score_changed') return <IconSparkles size={14} />;
  return <IconBolt size={14} />;
}

/** Interactions and events of the lead in one list, newest first, with an icon per kind. */
export function LeadTimeline({ leadId }: { leadId: string }) {
  const { t, i18n } = useTranslation();
  const date = useFormatDate();
  const timeline = useTimeline(leadId);
  const { data: members = [] } = useWorkspaceMembers();
  const { data: customFields = [] } = useCustomFields();
  const memberName = (id: string) => members.find((m) => m.user_id === id)?.name;
  const ctx: TDescribeContext = { t, memberName, customFields, date, locale: i18n.resolvedLanguage ?? 'fr' };
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];

  const row = (item: TTimelineItem) => {
    const who = item.kind === 'interaction' ? item.author_id : item.actor_user_id;
    const by = who && memberName(who) ? ` · ${t('crmContacts.timeline.by', { name: memberName(who) })}` : '';
    const meta = `${date(item.occurred_at)}${by}`;
    if (item.kind === 'interaction') {
      const type = t(`crmContacts.interaction.types.${item.interaction_type}`);
      return (
        <Timeline.Item
          key={item.id}
          bullet={
            <ThemeIcon size={22} radius="xl" color="indigo">
              {INTERACTION_ICONS[item.interaction_type]}
            </ThemeIcon>
          }
          title={item.subject ? `${type} · ${item.subject}` : type}
        >
          {item.content && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
              {item.content}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {meta}
          </Text>
        </Timeline.Item>
      );
    }
    return (
      <Timeline.Item
        key={item.id}
        bullet={
          <ThemeIcon size={22} radius="xl" variant="light" color="gray">
            {eventIcon(item.event_type)}
          </ThemeIcon>
        }
        title={describeEvent(item, ctx)}
      >
        <Text size="xs" c="dimmed">
          {meta}
        </Text>
      </Timeline.Item>
    );
  };

  return (
    <Stack gap="xs" component="section" aria-label={t('crmContacts.timeline.title')}>
      <Title order={4}>{t('crmContacts.timeline.title')}</Title>
      {items.length === 0 && !timeline.isPending && (
        <Text size="sm" c="dimmed">
          {t('crmContacts.timeline.empty')}
        </Text>
      )}
      <Timeline bulletSize={22} lineWidth={2}>
        {items.map(row)}
      </Timeline>
      {timeline.hasNextPage && (
        <Group justify="center">
          <Button variant="subtle" size="xs" loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
            {t('crmContacts.timeline.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
