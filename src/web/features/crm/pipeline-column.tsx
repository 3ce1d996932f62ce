import { useDraggable, useDroppable } from '@dnd-kit/core';
import { Badge, Card, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TLead, TLeadStatus } from '../../../contracts/crm.js';
import { useFormatMoney } from './format-money.js';
import { leadName, useColumnLeads } from './crm-api.js';

type Props = { status: TLeadStatus; summary: { count: number; total_value: number } | undefined; canEdit: boolean };

/** One status column: its count and value, and the draggable cards of its leads. */
export function PipelineColumn({ status, summary, canEdit }: Props) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const { data: leads = [] } = useColumnLeads(status);
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const label = t(`crmBoard.status.${status}`);
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      radius="md"
      bg={isOver ? 'var(--mantine-color-blue-light)' : undefined}
      role="region"
      aria-label={label}
      data-testid={`column-${status}`}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} size="sm">
          {label}
        </Text>
        <Badge variant="light" aria-label={t('crmBoard.countLabel', { count: summary?.count ?? 0 })}>
          {summary?.count ?? 0}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {money(summary?.total_value ?? 0)}
      </Text>
      <Stack gap={6} mih={60}>
        {leads.map((lead) => (
          <LeadCard key={lead.id} lead={lead} canEdit={canEdit} />
        ))}
      </Stack>
    </Paper>
  );
}

function LeadCard({ lead, canEdit }: { lead: TLead; canEdit: boolean }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: lead.id, data: { lead }, disabled: !canEdit });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10 } : undefined;
  return (
    <Card
      ref={setNodeRef}
      withBorder
      padding="xs"
      radius="sm"
      style={{ ...style, opacity: isDragging ? 0.7 : 1, cursor: canEdit ? 'grab' : 'default' }}
      {...listeners}
      {...attributes}
      aria-roledescription={t('crmBoard.cardRole')}
      aria-label={leadName(lead)}
    >
      <Text size="sm" fw={500} lineClamp={1}>
        {leadName(lead)}
      </Text>
      {lead.company && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {lead.company}
        </Text>
      )}
      {lead.estimated_value != null && <Text size="xs">{money(lead.estimated_value)}</Text>}
    </Card>
  );
}
