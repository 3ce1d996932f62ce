import { Badge, Button, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconListCheck, IconMail, IconNote, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_STATUSES, type TLead, type TLeadStatus } from '../../../../contracts/crm.js';
import { notifyError } from '../../../lib/errors.js';
import { useFormatters } from '../../../lib/format.js';
import { leadName, useWorkspaceMembers } from '../crm-api.js';
import { LostReasonModal } from '../pipeline/lost-reason-modal.js';
import { useSaveLeadChange } from './use-save-field.js';

type Props = { lead: TLead; canEdit: boolean; onTask: () => void; onNote: () => void };

/** The record's header: who, where in the pipeline, how much, whose; and what to do next (call, email, task, note, move). */
export function LeadRecordHeader({ lead, canEdit, onTask, onNote }: Props) {
  const { t } = useTranslation();
  const money = useFormatters().money;
  const { data: members = [] } = useWorkspaceMembers();
  const saveChange = useSaveLeadChange(lead);
  const [losing, setLosing] = useState(false);
  const owner = members.find((m) => m.user_id === lead.owner_id)?.name;
  const status = (value: TLeadStatus) => t(`crmBoard.status.${value}`);
  const move = (to: TLeadStatus, lostReason?: string) =>
    saveChange(
      { status: to, ...(lostReason ? { lost_reason: lostReason } : {}) },
      { status: lead.status, ...(lostReason ? { lost_reason: lead.lost_reason } : {}) },
      t('crmContacts.drawer.fields.status'),
    ).catch((error: unknown) => notifyError(error, t));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {leadName(lead)}
          </Title>
          {(lead.job_title || lead.company) && (
            <Text size="sm" c="dimmed">
              {[lead.job_title, lead.company].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Badge variant="light" size="lg" data-testid="record-status">
            {status(lead.status)}
          </Badge>
          {lead.estimated_value !== null && (
            <Text fw={700} data-testid="record-value">
              {money(lead.estimated_value)}
            </Text>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('crmRecord.owner', { name: owner ?? t('crmRecord.noOwner') })}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Button
          component="a"
          href={lead.phone ? `tel:${lead.phone.replace(/[^\d+]/g, '')}` : undefined}
          variant="default"
          size="xs"
          leftSection={<IconPhone size={14} />}
          disabled={!lead.phone}
        >
          {t('crmRecord.actions.call')}
        </Button>
        <Button
          component="a"
          href={lead.email ? `mailto:${lead.email}` : undefined}
          variant="default"
          size="xs"
          leftSection={<IconMail size={14} />}
          disabled={!lead.email}
        >
          {t('crmRecord.actions.email')}
        </Button>
        {canEdit && (
          <>
            <Button variant="default" size="xs" leftSection={<IconListCheck size={14} />} onClick={onTask}>
              {t('crmRecord.actions.task')}
            </Button>
            <Button variant="default" size="xs" leftSection={<IconNote size={14} />} onClick={onNote}>
              {t('crmRecord.actions.note')}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="xs" rightSection={<IconChevronDown size={14} />}>
                  {t('crmRecord.actions.move')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {LEAD_STATUSES.filter((s) => s !== lead.status).map((s) => (
                  <Menu.Item key={s} onClick={() => (s === 'lost' ? setLosing(true) : void move(s))}>
                    {status(s)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </>
        )}
      </Group>
      <LostReasonModal
        lead={losing ? lead : null}
        onCancel={() => setLosing(false)}
        onConfirm={(reason) => {
          setLosing(false);
          void move('lost', reason);
        }}
      />
    </Stack>
  );
}
