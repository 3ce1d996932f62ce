import { Button, Group, Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/page-header.js';
import { useSignedInMe } from '../auth/session.js';
import { CreateFunnelModal } from './create-funnel-modal.js';
import { FunnelsStatsTab } from './funnels-stats-tab.js';
import { FunnelsTab } from './funnels-tab.js';
import { TemplatesTab } from './templates-tab.js';
import { ProductsTab } from '../products/products-tab.js';
import { OrdersTab } from '../orders/orders-tab.js';
import { FunnelGenerateButton } from '../ai/funnel-generation.js';

const TABS = ['funnels', 'templates', 'stats', 'products', 'orders'] as const;

/** /funnels (spec "Tunnels de Vente"): my funnels as cards, the templates, the statistics, the products, the orders (`?tab=`); "+ Créer". */
export function FunnelsPage() {
  const { t } = useTranslation();
  const canEdit = useSignedInMe().role !== 'viewer';
  const [creating, setCreating] = useState(false);
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((value) => value === params.get('tab')) ?? 'funnels';
  const selectTab = (value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (!value || value === 'funnels') next.delete('tab');
      else next.set('tab', value);
      return next;
    });
  return (
    <>
      <Group justify="space-between" align="flex-start" gap="sm">
        <PageHeader title={t('funnelList.title')} description={t('funnelList.description')} />
        <Group gap="xs" mb="md">
          {canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('funnelList.create.button')}
            </Button>
          )}
          {canEdit && <FunnelGenerateButton />}
        </Group>
      </Group>
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {value === 'products' ? t('products.tab') : value === 'orders' ? t('orders.tab') : t(`funnelList.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="funnels">
          <FunnelsTab canEdit={canEdit} onCreate={() => setCreating(true)} onBrowseTemplates={() => selectTab('templates')} />
        </Tabs.Panel>
        <Tabs.Panel value="templates">
          <TemplatesTab canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="stats">
          <FunnelsStatsTab canEdit={canEdit} onCreate={() => setCreating(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="products">
          <ProductsTab canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="orders">
          <OrdersTab canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
      <CreateFunnelModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
