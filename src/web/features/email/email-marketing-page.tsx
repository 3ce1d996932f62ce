import { Button, Group, Tabs, Tooltip } from '@mantine/core';
import { IconPlus, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ComingSoon, type TPlannedSection } from '../../ui/coming-soon.js';
import { PageHeader } from '../../ui/page-header.js';
import { useSignedInMe } from '../auth/session.js';
import { CampaignsTab } from './campaigns/campaigns-tab.js';
import { CreateCampaignModal } from './campaigns/create-campaign-modal.js';
import { EmailContactsTab } from './contacts/email-contacts-tab.js';

const TABS = ['campaigns', 'sequences', 'contacts'] as const;

/** /email-marketing (spec): campaigns as cards, "+ Créer"; contacts (subscriptions, suppression list); sequences are said to come, not faked (`?tab=`). */
export function EmailMarketingPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canEdit = me.role !== 'viewer';
  const [creating, setCreating] = useState(false);
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
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('email.create.button')}
            </Button>
          )}
          <Tooltip label={t('email.aiLater')} multiline w={240} withArrow>
            <Button
              variant="default"
              leftSection={<IconSparkles size={16} aria-hidden />}
              data-disabled
              aria-disabled="true"
              onClick={(event) => event.preventDefault()}
            >
              {t('email.ai')}
            </Button>
          </Tooltip>
        </Group>
      </Group>
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="campaigns">{t('email.tabs.campaigns')}</Tabs.Tab>
          <Tabs.Tab value="sequences">{t('email.tabs.sequences')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('email.tabs.contacts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="campaigns">
          <CampaignsTab canEdit={canEdit} onCreate={() => setCreating(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="sequences">
          <ComingSoon sections={t('email.planned.sequences', { returnObjects: true }) as TPlannedSection[]} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <EmailContactsTab canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
      <CreateCampaignModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
