import { Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/coming-soon.js';
import { PageHeader } from '../../ui/page-header.js';
import { useSignedInMe } from '../auth/session.js';
import { AddLeadModal } from './add-lead-modal.js';
import { AutomationsTab } from './automations/automations-tab.js';
import { useLeadStats } from './crm-api.js';
import { useFormatMoney } from './format-money.js';
import { PipelineBoard } from './pipeline-board.js';
import { CrmSettingsTab } from './settings/crm-settings-tab.js';

/** /crm: the sales pipeline with its key numbers; contacts, interactions and import/export come next. */
export function CrmPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canEdit = me.role !== 'viewer';
  const money = useFormatMoney();
  const { data: stats } = useLeadStats();
  const [adding, setAdding] = useState(false);
  const percent = (v: number | null | undefined) => (v == null ? '—' : `${Math.round(v * 100)} %`);
  const metrics = [
    [t('crmBoard.metrics.total'), stats ? String(stats.total_leads) : '—'],
    [t('crmBoard.metrics.pipeline'), stats ? money(stats.pipeline_value) : '—'],
    [t('crmBoard.metrics.weighted'), stats ? money(stats.weighted_pipeline_value) : '—'],
    [t('crmBoard.metrics.conversion'), percent(stats?.conversion_rate)],
    [t('crmBoard.metrics.daysToWin'), stats?.average_days_to_win == null ? '—' : t('crmBoard.metrics.days', { count: stats.average_days_to_win })],
    [t('crmBoard.metrics.averageValue'), stats?.average_lead_value == null ? '—' : money(stats.average_lead_value)],
  ];
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageHeader title={t('crm.title')} description={t('crm.description')} />
        {canEdit && <Button onClick={() => setAdding(true)}>{t('crmBoard.add.button')}</Button>}
      </Group>
      <Tabs defaultValue="pipeline" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="pipeline">{t('crmBoard.tabs.pipeline')}</Tabs.Tab>
          <Tabs.Tab value="automations">{t('crmAutomations.tab')}</Tabs.Tab>
          <Tabs.Tab value="next">{t('crmBoard.tabs.next')}</Tabs.Tab>
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
        <Tabs.Panel value="automations">
          <AutomationsTab canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <CrmSettingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="next">
          <ComingSoon sections={t('crm.sections', { returnObjects: true })} />
        </Tabs.Panel>
      </Tabs>
      <AddLeadModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}
