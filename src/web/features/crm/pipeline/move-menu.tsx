import { ActionIcon, Menu } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { forwardRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES, type TLead, type TLeadStatus } from '../../../../contracts/crm.js';

type Props = { lead: TLead; onMove: (to: TLeadStatus) => void; onBack: () => void };

/**
 * "Déplacer vers…": the card's menu of the other stages. Out of the tab order (the card is its column's tab
 * stop; the right arrow reaches this button, the left arrow goes back to the card).
 */
export const MoveMenu = forwardRef<HTMLButtonElement, Props>(function MoveMenu({ lead, onMove, onBack }, ref) {
  const { t } = useTranslation();
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowLeft') {
      event.preventDefault();
      onBack();
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          ref={ref}
          variant="subtle"
          color="gray"
          size="sm"
          tabIndex={-1}
          aria-label={t('crmBoard.moveTo')}
          title={t('crmBoard.moveTo')}
          onKeyDown={onKeyDown}
        >
          <IconArrowsExchange size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('crmBoard.moveTo')}</Menu.Label>
        {LEAD_STATUSES.filter((status) => status !== lead.status).map((status) => (
          <Menu.Item key={status} onClick={() => onMove(status)}>
            {t(`crmBoard.status.${status}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
});
