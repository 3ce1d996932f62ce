import { Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/page-header.js';
import { useSignedInMe } from '../auth/session.js';
import { AddLeadModal } from './add-lead-modal.js';
import { AutomationsTab } from './automations/automations-tab.js';
import { ContactsTab } from './contacts/contacts-tab.js';
import { useLeadStats } from './crm-api.js';
import { useFormatters } from '../../lib/format.js';
import { CrmActions } from './crm-actions.js';
import { ImportModal } from './import/import-modal.js';
import { InteractionsTab } from './interactions/interactions-tab.js';
import { LeadDrawer } from './lead-drawer/lead-drawer.js';
import { PipelineBoard } from './pipeline/pipeline-board.js';
import { SegmentsTab } from './segments/segments-tab.js';
import { CrmSettingsTab } from './settings/crm-settings-tab.js';

/** /crm: the sales pipeline with its key numbers, contacts, interactions and more, one tab each (`?tab=`); a lead opens in a drawer (`&lead=`). */
export function CrmPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canEdit = me.role !== 'viewer';
  const format = useFormatters();
  const money = format.money;
  const { data: stats } = useLeadStats();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  // The tab is part of the URL (/crm?tab=contacts), so it can be linked and survives a reload.
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'pipeline';
  const selectTab = (value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (!value || value === 'pipeline') next.delete('tab');
      else next.set('tab', value);
      return next;
    });
  const percent = (v: number | null | undefined) => (v == null ? '—' : format.percent(v));
  const metrics = [
    [t('crmBoard.metrics.total'), stats ? String(stats.total_leads) : '—'],
    [t('crmBoard.metrics.pipeline'), stats ? money(stats.pipeline_value) : '—'],
    [t('crmBoard.metrics.weighted'), stats ? money(stats.weighted_pipeline_value) : '—'],
    [t('crmBoard.metrics.conversion'), percent(stats?.conversion_rate)],
    [t('crmBoard.metrics.daysToWin'), stats?.average_days_to_win == null ? '—' : format.days(stats.average_days_to_win)],
    [t('crmBoard.metrics.averageValue'), stats?.average_lead_value == null ? '—' : money(stats.average_lead_value)],
  ];
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <PageHeader title={t('crm.title')} description={t('crm.description')} />
        <CrmActions canEdit={canEdit} onAdd={() => setAdding(true)} onImport={() => setImporting(true)} />
      </Group>
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List mb="md" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          <Tabs.Tab value="pipeline">{t('crmBoard.tabs.pipeline')}</Tabs.Tab>
          <Tabs.Tab value="contacts">{t('crmContacts.tabs.contacts')}</Tabs.Tab>
          <Tabs.Tab value="interactions">{t('crmContacts.tabs.interactions')}</Tabs.Tab>
          <Tabs.Tab value="segments">{t('crmSegments.tab')}</Tabs.Tab>
          <Tabs.Tab value="automations">{t('crmAutomations.tab')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('crmSettings.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pipeline">
          <Stack>
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
              {metrics.map(([label, value]) => (
                <Paper key={label} withBorder p="sm" radius="md">
                  <Text size="xs" c="dimmed">
                    {label}
                  </Text>
                  <Text fw={700} size="lg">
                    {value}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            <PipelineBoard stats={stats} canEdit={canEdit} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <ContactsTab canEdit={canEdit} onAdd={() => setAdding(true)} onImport={() => setImporting(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="interactions">
          <InteractionsTab />
        </Tabs.Panel>
        <Tabs.Panel value="segments">
          <SegmentsTab canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="automations">
          <AutomationsTab canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <CrmSettingsTab />
        </Tabs.Panel>
      </Tabs>
      <AddLeadModal opened={adding} onClose={() => setAdding(false)} />
      <ImportModal opened={importing} onClose={() => setImporting(false)} />
      <LeadDrawer />
    </>
  );
}
