import { Alert, Badge, Button, Divider, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
import { AddInteractionForm } from './add-interaction-form.js';
import { useDeleteLead, useLead } from './lead-drawer-api.js';
import { LeadForm } from './lead-form.js';
import { LeadConsent, LeadPrivacy } from './lead-privacy.js';
import { LeadTasks } from './lead-tasks.js';
import { LeadTimeline } from './lead-timeline.js';
import { useLeadDrawer } from './use-lead-drawer.js';

/** The lead page, as a drawer over /crm (`?lead=<id>`): fields, score, tasks, interactions, timeline. */
export function LeadDrawer() {
  const { t } = useTranslation();
  const { leadId, close } = useLeadDrawer();
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Drawer opened={leadId !== null} onClose={close} position="right" size={phone ? '100%' : 'xl'} title={t('crmContacts.drawer.title')} closeButtonProps={{ 'aria-label': t('crmContacts.drawer.close') }}>
      {leadId && <LeadDrawerBody key={leadId} leadId={leadId} onDeleted={close} />}
    </Drawer>
  );
}

function LeadDrawerBody({ leadId, onDeleted }: { leadId: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canEdit = me.role !== 'viewer';
  const lead = useLead(leadId);
  if (lead.isPending) return <Loading />;
  if (lead.isError) return <Alert color="red">{t('crmContacts.drawer.notFound')}</Alert>;
  return (
    <Stack gap="lg">
      <LeadHeader lead={lead.data} />
      <Paper withBorder p="sm" radius="md">
        <ScoreExplanation leadId={leadId} />
      </Paper>
      {!canEdit && (
        <Alert color="gray" variant="light">
          {t('crmContacts.drawer.readOnly')}
        </Alert>
      )}
      <LeadForm key={lead.data.updated_at} lead={lead.data} canEdit={canEdit} />
      <LeadConsent lead={lead.data} />
      <Divider />
      <LeadTasks leadId={leadId} canEdit={canEdit} />
      <Divider />
      {canEdit && <AddInteractionForm leadId={leadId} />}
      <LeadTimeline leadId={leadId} />
      {canEdit && (
        <>
          <Divider />
          <DeleteLead lead={lead.data} onDeleted={onDeleted} />
        </>
      )}
      {(me.role === 'owner' || me.role === 'admin') && <LeadPrivacy lead={lead.data} onErased={onDeleted} />}
    </Stack>
  );
}

function LeadHeader({ lead }: { lead: TLead }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap">
      <Stack gap={2}>
        <Text fw={700} size="xl">
          {leadName(lead)}
        </Text>
        {(lead.job_title || lead.company) && (
          <Text size="sm" c="dimmed">
            {[lead.job_title, lead.company].filter(Boolean).join(' · ')}
          </Text>
        )}
      </Stack>
      <Badge variant="light">{t(`crmBoard.status.${lead.status}`)}</Badge>
    </Group>
  );
}

function DeleteLead({ lead, onDeleted }: { lead: TLead; onDeleted: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteLead(lead.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Group justify="flex-end">
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
