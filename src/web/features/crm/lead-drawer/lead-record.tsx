import { Alert, Button, Divider, Grid, Group, Stack, Tabs } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLead } from '../../../../contracts/crm.js';
import { ConfirmModal } from '../../../ui/confirm-modal.js';
import { Loading } from '../../../ui/query-state.js';
import { useSignedInMe } from '../../auth/session.js';
import { leadName } from '../crm-api.js';
import { ScoreExplanation } from '../score-explanation.js';
import { AddInteractionForm, type TInteractionType } from './add-interaction-form.js';
import { useDeleteLead, useLead } from './lead-drawer-api.js';
import { LeadFields } from './lead-fields.js';
import { LeadConsent, LeadPrivacy } from './lead-privacy.js';
import { LeadRecordHeader } from './lead-record-header.js';
import { LeadTasks } from './lead-tasks.js';
import { LeadTimeline } from './lead-timeline.js';

type TTab = 'activity' | 'tasks' | 'score' | 'privacy';

/**
 * A lead's record: the header (who, stage, value, owner, actions), the fields read-only with inline edit,
 * and tabs for the activity (composer above the timeline), tasks, score and privacy. Shown in the drawer
 * over /crm (`?lead=<id>`) and as the page /crm/leads/:id.
 */
export function LeadRecord({ leadId, onDeleted }: { leadId: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canEdit = me.role !== 'viewer';
  const lead = useLead(leadId);
  const [tab, setTab] = useState<TTab>('activity');
  const [note, setNote] = useState<{ type: TInteractionType; at: number }>();
  const [taskAt, setTaskAt] = useState<number>();
  if (lead.isPending) return <Loading />;
  if (lead.isError) return <Alert color="red">{t('crmContacts.drawer.notFound')}</Alert>;
  return (
    <Stack gap="lg">
      <LeadRecordHeader
        lead={lead.data}
        canEdit={canEdit}
        onTask={() => {
          setTab('tasks');
          setTaskAt(Date.now());
        }}
        onNote={() => {
          setTab('activity');
          setNote({ type: 'note', at: Date.now() });
        }}
      />
      {!canEdit && (
        <Alert color="gray" variant="light">
          {t('crmContacts.drawer.readOnly')}
        </Alert>
      )}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <LeadFields lead={lead.data} canEdit={canEdit} />
            {canEdit && (
              <>
                <Divider />
                <DeleteLead lead={lead.data} onDeleted={onDeleted} />
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Tabs value={tab} onChange={(value) => setTab((value as TTab | null) ?? 'activity')}>
            <Tabs.List mb="md" style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
              <Tabs.Tab value="activity">{t('crmRecord.tabs.activity')}</Tabs.Tab>
              <Tabs.Tab value="tasks">{t('crmRecord.tabs.tasks')}</Tabs.Tab>
              <Tabs.Tab value="score">{t('crmRecord.tabs.score')}</Tabs.Tab>
              <Tabs.Tab value="privacy">{t('crmRecord.tabs.privacy')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="activity">
              <Stack gap="lg">
                {canEdit && <AddInteractionForm leadId={leadId} request={note} />}
                <LeadTimeline leadId={leadId} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="tasks">
              <LeadTasks leadId={leadId} canEdit={canEdit} focusAt={taskAt} />
            </Tabs.Panel>
            <Tabs.Panel value="score">
              <ScoreExplanation leadId={leadId} />
            </Tabs.Panel>
            <Tabs.Panel value="privacy">
              <Stack gap="lg">
                <LeadConsent lead={lead.data} />
                {(me.role === 'owner' || me.role === 'admin') && <LeadPrivacy lead={lead.data} onErased={onDeleted} />}
              </Stack>
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function DeleteLead({ lead, onDeleted }: { lead: TLead; onDeleted: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteLead(lead.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Group>
        <Button color="red" variant="subtle" leftSection={<IconTrash size={16} />} onClick={() => setConfirming(true)}>
          {t('crmContacts.drawer.delete')}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t('crmContacts.drawer.deleteTitle', { name: leadName(lead) })}
        confirmLabel={t('crmContacts.drawer.deleteConfirm')}
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('crmContacts.drawer.deleted') });
              setConfirming(false);
              onDeleted();
            },
          })
        }
      >
        {t('crmContacts.drawer.deleteBody')}
      </ConfirmModal>
    </>
  );
}
