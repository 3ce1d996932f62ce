import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import type { TLead, TLeadStatus } from '../../../../contracts/crm.js';
import { leadName } from '../crm-api.js';

type TActive = { data: { current?: Record<string, unknown> } };

/** The dragged lead's name (dnd-kit only knows ids). */
function nameOf(active: TActive): string {
  const lead = active.data.current?.lead as TLead | undefined;
  return lead ? leadName(lead) : '';
}

/** What screen readers hear while a card is dragged, in the interface's language, with names and stage labels. */
export function boardAnnouncements(t: TFunction): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const stage = (id: string | number | undefined) => (id === undefined ? '' : t(`crmBoard.status.${id as TLeadStatus}`));
  const fromStage = (active: TActive) => stage((active.data.current?.lead as TLead | undefined)?.status);
  return {
    screenReaderInstructions: { draggable: t('crmBoard.a11y.instructions') },
    announcements: {
      onDragStart: ({ active }) => t('crmBoard.a11y.picked', { name: nameOf(active), stage: fromStage(active) }),
      onDragOver: ({ active, over }) =>
        over ? t('crmBoard.a11y.over', { name: nameOf(active), stage: stage(over.id) }) : t('crmBoard.a11y.notOver', { name: nameOf(active) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('crmBoard.a11y.dropped', { name: nameOf(active), stage: stage(over.id) })
          : t('crmBoard.a11y.cancelled', { name: nameOf(active), stage: fromStage(active) }),
      onDragCancel: ({ active }) => t('crmBoard.a11y.cancelled', { name: nameOf(active), stage: fromStage(active) }),
    },
  };
}
