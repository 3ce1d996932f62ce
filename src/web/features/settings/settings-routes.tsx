import { Navigate, type RouteObject } from 'react-router';
import { AdsSettingsTab } from './ads/ads-settings-tab.js';
import { AiSettingsTab } from './ai/ai-settings-tab.js';
import { ApiKeysTab } from './api-keys/api-keys-tab.js';
import { DomainsTab } from './domains/domains-tab.js';
import { EmailSettingsTab } from './email/email-settings-tab.js';
import { OutboxTab } from './outbox/outbox-tab.js';
import { PaymentsTab } from './payments/payments-tab.js';
import { ProfileTab } from './profile/profile-tab.js';
import { SettingsPage } from './settings-page.js';
import { TeamTab } from './team/team-tab.js';
import { WebhooksTab } from './webhooks/webhooks-tab.js';
import { WorkspaceTab } from './workspace/workspace-tab.js';

/** /settings and its tabs, one URL each so they can be linked and reloaded. */
export const settingsRoutes: RouteObject = {
  path: 'settings',
  element: <SettingsPage />,
  children: [
    { index: true, element: <Navigate to="team" replace /> },
    { path: 'team', element: <TeamTab /> },
    { path: 'api-keys', element: <ApiKeysTab /> },
    { path: 'webhooks', element: <WebhooksTab /> },
    { path: 'domains', element: <DomainsTab /> },
    { path: 'email', element: <EmailSettingsTab /> },
    { path: 'payments', element: <PaymentsTab /> },
    { path: 'ads', element: <AdsSettingsTab /> },
    { path: 'ai', element: <AiSettingsTab /> },
    { path: 'outbox', element: <OutboxTab /> },
    { path: 'profile', element: <ProfileTab /> },
    { path: 'workspace', element: <WorkspaceTab /> },
  ],
};
