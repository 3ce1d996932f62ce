import { useDraggable, useDroppable } from '@dnd-kit/core';
import { Badge, Card, Group, Paper, Stack, Text } from '@mantine/core';
import { useRef, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLead, TLeadStatus } from '../../../../contracts/crm.js';
import { useFormatters } from '../../../lib/format.js';
import { leadName, useColumnLeads } from '../crm-api.js';
import { useLeadDrawer } from '../lead-drawer/use-lead-drawer.js';

type Props = { status: TLeadStatus; summary: { count: number; total_value: number } | undefined; canEdit: boolean };

/** One status column: its count and value, and the draggable cards of its leads. */
export function PipelineColumn({ status, summary, canEdit }: Props) {
  const { t } = useTranslation();
  const money = useFormatters().money;
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
  const money = useFormatters().money;
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: lead.id, data: { lead }, disabled: !canEdit });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10 } : undefined;
  const drawer = useLeadDrawer();
  // A click opens the lead, unless it ends a mouse drag (the card moves with the pointer, so the
  // release lands on it); Enter opens it too, while Space stays dnd-kit's keyboard drag.
  const pressedAt = useRef<{ x: number; y: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    pressedAt.current = { x: event.clientX, y: event.clientY };
    listeners?.onPointerDown?.(event);
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const from = pressedAt.current;
    if (from && Math.hypot(event.clientX - from.x, event.clientY - from.y) > 4) return;
    drawer.open(lead.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && !isDragging) {
      event.preventDefault();
      drawer.open(lead.id);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  return (
    <Card
      ref={setNodeRef}
      withBorder
      padding="xs"
      radius="sm"
      style={{ ...style, opacity: isDragging ? 0.7 : 1, cursor: canEdit ? 'grab' : 'pointer' }}
      {...listeners}
      {...attributes}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onClick={onClick}
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
