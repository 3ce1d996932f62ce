import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TScoreExplanation, TScoreItem } from '../../../contracts/crm-scoring.js';
import { useFormatDate, useFormatters } from '../../lib/format.js';
import { QueryState } from '../../ui/query-state.js';
import { useScoreExplanation } from './settings/crm-settings-api.js';
import { useDescribeCondition } from './settings/use-describe-rule.js';

/** Why a lead has its score: each rule's points (events with their value today) and the recent changes. */
export function ScoreExplanation({ leadId }: { leadId: string }) {
  const query = useScoreExplanation(leadId);
  return <QueryState query={query}>{(data) => <Explanation data={data} />}</QueryState>;
}

function Explanation({ data }: { data: TScoreExplanation }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const describeCondition = useDescribeCondition();
  const format = useFormatters();
  const number = (value: number) => format.number(value, 1);
  const signed = (value: number) => (value > 0 ? `+${number(value)}` : number(value));
  const cause = (value: string) =>
    t(`crmSettings.explanation.causes.${value as 'decay'}`, { defaultValue: t(`crmSegments.events.${value as 'created'}`, { defaultValue: value }) });
  const itemText = (item: TScoreItem) =>
    item.kind === 'event' && item.occurred_at
      ? t('crmSettings.explanation.eventItem', { points: signed(item.points), name: item.rule_name, date: formatDate(item.occurred_at, false) })
      : t('crmSettings.explanation.fitItem', { points: signed(item.points), name: item.rule_name });

  return (
    <Stack gap="xs" data-testid="score-explanation">
      <Group gap="xs" align="baseline">
        <Text fw={700}>{t('crmSettings.explanation.score', { score: data.score })}</Text>
        {data.computed_score !== data.score && (
          <Text size="xs" c="dimmed">
            {t('crmSettings.explanation.nextUpdate', { score: data.computed_score })}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('crmSettings.explanation.summary', { fit: signed(data.fit_points), engagement: signed(data.engagement_points), days: data.half_life_days })}
      </Text>
      {data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('crmSettings.explanation.none')}
        </Text>
      ) : (
        <List size="sm" spacing={2} listStyleType="none" withPadding={false}>
          {data.items.map((item, i) => (
            <List.Item key={`${item.rule_id}-${item.event_id ?? 'fit'}-${i}`}>
              <Group gap={6} wrap="nowrap" align="baseline">
                <Text size="sm">{itemText(item)}</Text>
                {item.kind === 'fit' && item.condition && (
                  <Text size="xs" c="dimmed">
                    {describeCondition(item.condition)}
                  </Text>
                )}
                {item.kind === 'event' && item.value !== item.points && (
                  <Text size="xs" c="dimmed">
                    {t('crmSettings.explanation.worthNow', { value: number(item.value) })}
                  </Text>
                )}
              </Group>
            </List.Item>
          ))}
          {data.other_events.count > 0 && (
            <List.Item>
              <Text size="xs" c="dimmed">
                {t('crmSettings.explanation.others', { count: data.other_events.count, value: number(data.other_events.value) })}
              </Text>
            </List.Item>
          )}
        </List>
      )}
      <Text size="sm" fw={600} mt="xs">
        {t('crmSettings.explanation.history')}
      </Text>
      {data.history.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('crmSettings.explanation.noHistory')}
        </Text>
      ) : (
        <Stack gap={2}>
          {data.history.map((entry) => (
            <Group key={entry.id} gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed" w={130}>
                {formatDate(entry.created_at)}
              </Text>
              <Badge size="sm" variant="light" color={entry.score >= entry.previous_score ? 'teal' : 'orange'}>
                {t('crmSettings.explanation.change', { from: entry.previous_score, to: entry.score })}
              </Badge>
              <Text size="xs">{cause(entry.cause)}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
