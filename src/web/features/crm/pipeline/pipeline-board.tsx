import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { LEAD_STATUSES, type TLead, type TLeadStats, type TLeadStatus } from '../../../../contracts/crm.js';
import { LostReasonModal } from './lost-reason-modal.js';
import { PipelineColumn } from './pipeline-column.js';
import { useMoveLead } from './use-move-lead.js';

type Props = { stats: TLeadStats | undefined; canEdit: boolean };

/** The pipeline: one column per status; drag a card (mouse, touch or keyboard) to change its status. */
export function PipelineBoard({ stats, canEdit }: Props) {
  const move = useMoveLead();
  const [pendingLost, setPendingLost] = useState<TLead | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));

  function onDragEnd(event: DragEndEvent) {
    const lead = event.active.data.current?.lead as TLead | undefined;
    const to = event.over?.id as TLeadStatus | undefined;
    if (!lead || !to || lead.status === to) return;
    if (to === 'lost') setPendingLost(lead);
    else move.mutate({ lead, to });
  }

  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4, xl: 7 }} spacing="sm">
        {LEAD_STATUSES.map((status) => (
          <PipelineColumn key={status} status={status} summary={stats?.by_status.find((s) => s.status === status)} canEdit={canEdit} />
        ))}
      </SimpleGrid>
      <LostReasonModal
        lead={pendingLost}
        onCancel={() => setPendingLost(null)}
        onConfirm={(reason) => {
          if (pendingLost) move.mutate({ lead: pendingLost, to: 'lost', lost_reason: reason });
          setPendingLost(null);
        }}
      />
    </DndContext>
  );
}

