import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TEmailCampaignList } from '../../../../contracts/email-campaigns.js';
import { api } from '../../../lib/api.js';
import { LEAD_STATUSES } from '../../../../contracts/crm.js';
import { useSequenceOptions } from '../../email/sequences/sequences-api.js';
import { useWorkspaceMembers } from '../crm-api.js';
import type { TAutomationDraft } from './automation-draft.js';

type Props = { form: UseFormReturnType<TAutomationDraft>; index: number; readOnly: boolean };

/** The parameters of one action, by type; errors (client or server, e.g. `actions.1.params.url`) show on their field. */
export function ActionFields({ form, index, readOnly }: Props) {
  const { t } = useTranslation();
  const members = useWorkspaceMembers();
  const type = form.values.actions[index]!.type;
  const input = (field: string) => ({ readOnly, ...form.getInputProps(`actions.${index}.params.${field}`) });
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.user_id, label: m.name || m.email }));
  const campaigns = useQuery({
    queryKey: ['email-campaigns', 'for-automations'],
    queryFn: () => api.get<TEmailCampaignList>('/api/marketing/email-campaigns?limit=100'),
    enabled: type === 'send_email',
  });
  const campaignOptions = (campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const sequences = useSequenceOptions(type === 'enroll_in_sequence');
  // A draft sequence is listed too: the automation can be written before the sequence goes live.
  const sequenceOptions = (sequences.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} (${t(`email.sequences.status.${s.status}`)})` }));
  switch (type) {
    case 'set_status':
      return (
        <Select
          label={t('crmAutomations.editor.status')}
          data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`crmBoard.status.${s}`) }))}
          allowDeselect={false}
          {...input('status')}
        />
      );
    case 'add_tag':
    case 'remove_tag':
      return <TextInput label={t('crmAutomations.editor.tag')} required {...input('tag')} />;
    case 'assign_owner':
      return <Select label={t('crmAutomations.editor.owner')} data={memberOptions} required searchable {...input('owner_id')} />;
    case 'add_note':
      return (
        <>
          <TextInput label={t('crmAutomations.editor.subject')} {...input('subject')} />
          <Textarea label={t('crmAutomations.editor.content')} required autosize minRows={2} {...input('content')} />
        </>
      );
    case 'add_task':
      return (
        <>
          <TextInput label={t('crmAutomations.editor.taskTitle')} required {...input('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('crmAutomations.editor.dueInDays')} min={0} max={365} allowDecimal={false} {...input('due_in_days')} />
            <Select
              label={t('crmAutomations.editor.assignee')}
              data={[{ value: '', label: t('crmAutomations.editor.noAssignee') }, ...memberOptions]}
              allowDeselect={false}
              {...input('assignee_id')}
            />
          </SimpleGrid>
        </>
      );
    case 'call_webhook':
      return (
        <TextInput
          label={t('crmAutomations.editor.url')}
          description={t('crmAutomations.editor.urlHint')}
          placeholder="https://"
          type="url"
          required
          {...input('url')}
        />
      );
    case 'send_email':
      return (
        <Select
          label={t('crmAutomations.editor.campaign')}
          description={t('crmAutomations.editor.campaignHint')}
          data={campaignOptions}
          nothingFoundMessage={t('crmAutomations.editor.noCampaign')}
          required
          searchable
          {...input('campaign_id')}
        />
      );
    case 'enroll_in_sequence':
      return (
        <Select
          label={t('crmAutomations.editor.sequence')}
          description={t('crmAutomations.editor.sequenceHint')}
          data={sequenceOptions}
          nothingFoundMessage={t('crmAutomations.editor.noSequence')}
          required
          searchable
          {...input('sequence_id')}
        />
      );
  }
}
