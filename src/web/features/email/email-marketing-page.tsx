import { Button, Group, Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/page-header.js';
import { useSignedInMe } from '../auth/session.js';
import { CampaignsTab } from './campaigns/campaigns-tab.js';
import { CreateCampaignModal } from './campaigns/create-campaign-modal.js';
import { EmailContactsTab } from './contacts/email-contacts-tab.js';
import { CreateSequenceModal } from './sequences/create-sequence-modal.js';
import { SequencesTab } from './sequences/sequences-tab.js';
import { EmailGenerateButton } from '../ai/email-generation.js';

const TABS = ['campaigns', 'sequences', 'contacts'] as const;

/** /email-marketing (spec): campaigns and sequences as cards, "+ Créer" (of the tab shown); contacts (subscriptions, suppression list) (`?tab=`). */
export function EmailMarketingPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canEdit = me.role !== 'viewer';
  // "+ Créer" makes what the open tab lists: a sequence on the Séquences tab, a campaign otherwise.
  const [creating, setCreating] = useState<'campaign' | 'sequence' | null>(null);
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((value) => value === params.get('tab')) ?? 'campaigns';
  const selectTab = (value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (!value || value === 'campaigns') next.delete('tab');
      else next.set('tab', value);
      return next;
    });
  return (
    <>
      <Group justify="space-between" align="flex-start" gap="sm">
        <PageHeader title={t('email.title')} description={t('email.description')} />
        <Group gap="xs">
          {canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(tab === 'sequences' ? 'sequence' : 'campaign')}>
              {t('email.create.button')}
            </Button>
          )}
          {canEdit && <EmailGenerateButton />}
        </Group>
      </Group>
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="campaigns">{t('email.tabs.campaigns')}</Tabs.Tab>
          <Tabs.Tab value="sequences">{t('email.tabs.sequences')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('email.tabs.contacts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="campaigns">
          <CampaignsTab canEdit={canEdit} onCreate={() => setCreating('campaign')} />
        </Tabs.Panel>
        <Tabs.Panel value="sequences">
          <SequencesTab canEdit={canEdit} onCreate={() => setCreating('sequence')} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <EmailContactsTab canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
      <CreateCampaignModal opened={creating === 'campaign'} onClose={() => setCreating(null)} />
      <CreateSequenceModal opened={creating === 'sequence'} onClose={() => setCreating(null)} />
    </>
  );
}
