import { Tabs } from '@mantine/core';
import {
  IconAd2,
  IconBuilding,
  IconCreditCard,
  IconKey,
  IconMail,
  IconMailForward,
  IconSparkles,
  IconUser,
  IconUsers,
  IconWebhook,
  IconWorldWww,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../ui/page-header.js';
import { isAdmin, useSignedInMe } from '../auth/session.js';

type TTab = {
  value: string;
  label: 'team' | 'apiKeys' | 'webhooks' | 'domains' | 'email' | 'outbox' | 'profile' | 'workspace' | 'payments' | 'ads' | 'ai';
  Icon: Icon;
  adminOnly?: boolean;
};

const TABS: TTab[] = [
  { value: 'team', label: 'team', Icon: IconUsers },
  { value: 'api-keys', label: 'apiKeys', Icon: IconKey, adminOnly: true },
  { value: 'webhooks', label: 'webhooks', Icon: IconWebhook, adminOnly: true },
  { value: 'domains', label: 'domains', Icon: IconWorldWww },
  { value: 'email', label: 'email', Icon: IconMail },
  { value: 'payments', label: 'payments', Icon: IconCreditCard, adminOnly: true },
  { value: 'ads', label: 'ads', Icon: IconAd2 },
  { value: 'ai', label: 'ai', Icon: IconSparkles },
  { value: 'outbox', label: 'outbox', Icon: IconMailForward, adminOnly: true },
  { value: 'profile', label: 'profile', Icon: IconUser },
  { value: 'workspace', label: 'workspace', Icon: IconBuilding },
];

/** /settings/*: tabs backed by URL sub-routes. */
export function SettingsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const current = useLocation().pathname.split('/')[2] ?? 'team';
  // The server refuses API keys, webhooks and the outbox to members and viewers: no point offering the tabs.
  const tabs = TABS.filter((tab) => !tab.adminOnly || isAdmin(me.role));

  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Tabs value={current} onChange={(value) => value && void navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List mb="lg" style={{ flexWrap: 'wrap' }}>
          {tabs.map(({ value, label, Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} aria-hidden />}>
              {/* The payments tab's words live with the rest of Settings > Paiements (payments.* in app.json). */}
              {/* Settings > Publicités keeps its words in ads.json (adsSettings.*). */}
              {label === 'payments' ? t('payments.tab') : label === 'ads' ? t('adsSettings.tab') : t(`settings.tabs.${label}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={current}>
          <Outlet />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
