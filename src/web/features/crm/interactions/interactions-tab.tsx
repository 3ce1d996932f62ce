import { Anchor, Button, Group, Paper, SegmentedControl, Select, Stack, Text, ThemeIcon } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { IconCalendarEvent, IconMail, IconNote, IconPhone } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TInteractionList } from '../../../../contracts/crm-contacts.js';
import { INTERACTION_TYPES } from '../../../../contracts/crm.js';
import { api } from '../../../lib/api.js';
import { useFormatDate } from '../../../lib/format.js';
import { QueryState } from '../../../ui/query-state.js';
import { useWorkspaceMembers } from '../crm-api.js';
import { INTERACTIONS_KEY } from '../lead-drawer/lead-drawer-api.js';
import { useLeadDrawer } from '../lead-drawer/use-lead-drawer.js';

const ICONS: Record<string, ReactNode> = {
  email: <IconMail size={16} />,
  call: <IconPhone size={16} />,
  meeting: <IconCalendarEvent size={16} />,
  note: <IconNote size={16} />,
};

/** Interactions: every email, call, meeting and note of the workspace, newest first, by type and author. */
export function InteractionsTab() {
  const { t } = useTranslation();
  const date = useFormatDate();
  const drawer = useLeadDrawer();
  const { data: members = [] } = useWorkspaceMembers();
  const [type, setType] = useState<string>('all');
  const [author, setAuthor] = useState<string | null>(null);
  const query = useInfiniteQuery({
    queryKey: [...INTERACTIONS_KEY, type, author],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50' });
      if (type !== 'all') params.set('interaction_type', type);
      if (author) params.set('author_id', author);
      if (pageParam) params.set('cursor', pageParam);
      return api.get<TInteractionList>(`/api/marketing/interactions?${params.toString()}`);
    },
    getNextPageParam: (last) => last.next_cursor,
  });
  const nameOf = (id: string | null) => (id ? members.find((m) => m.user_id === id)?.name : undefined);

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <SegmentedControl
          value={type}
          onChange={setType}
          data={[
            { value: 'all', label: t('crmContacts.interactions.allTypes') },
            ...INTERACTION_TYPES.map((v) => ({ value: v, label: t(`crmContacts.interaction.types.${v}`) })),
          ]}
        />
        <Select
          aria-label={t('crmContacts.interactions.author')}
          placeholder={t('crmContacts.interactions.anyAuthor')}
          data={members.map((m) => ({ value: m.user_id, label: m.name }))}
          value={author}
          onChange={setAuthor}
          clearable
          w={200}
        />
      </Group>
      <QueryState query={query}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0) return <Text c="dimmed">{t('crmContacts.interactions.empty')}</Text>;
          return (
            <Stack gap="xs" component="ul" aria-label={t('crmContacts.interactions.label')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((item) => (
                <Paper key={item.id} withBorder p="sm" radius="md" component="li">
                  <Group align="flex-start" wrap="nowrap" gap="sm">
                    <ThemeIcon variant="light" radius="xl" aria-hidden>
                      {ICONS[item.interaction_type]}
                    </ThemeIcon>
                    <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                      <Group gap="xs" wrap="wrap">
                        <Text fw={600} size="sm">
                          {t(`crmContacts.interaction.types.${item.interaction_type}`)}
                          {item.subject ? ` · ${item.subject}` : ''}
                        </Text>
                        <Anchor
                          component="button"
                          size="sm"
                          onClick={() => drawer.open(item.lead_id)}
                          aria-label={t('crmContacts.interactions.openLead', { name: item.lead_name })}
                        >
                          {item.lead_name}
                        </Anchor>
                      </Group>
                      {item.content && (
                        <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
                          {item.content}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {date(item.occurred_at)}
                        {nameOf(item.author_id) ? ` · ${nameOf(item.author_id)}` : ''}
                      </Text>
                    </Stack>
                  </Group>
                </Paper>
              ))}
            </Stack>
          );
        }}
      </QueryState>
      {query.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('crmContacts.interactions.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
