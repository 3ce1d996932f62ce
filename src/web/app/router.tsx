import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ForgotPasswordPage } from '../features/auth/forgot-password-page.js';
import { InvitationPage } from '../features/auth/invitation-page.js';
import { LoginPage } from '../features/auth/login-page.js';
import { ResetPasswordPage } from '../features/auth/reset-password-page.js';
import { SignupPage } from '../features/auth/signup-page.js';
import { AdsPage } from '../features/ads/ads-page.js';
import { DashboardPage } from '../features/dashboard/dashboard-page.js';
import { EmailMarketingPage } from '../features/email/email-marketing-page.js';
import { FunnelsPage } from '../features/funnels/funnels-page.js';
import { settingsRoutes } from '../features/settings/settings-routes.js';
import { GuestOnly, RequireAuth } from './guards.js';
import { NotFoundPage } from './not-found-page.js';
import { PublicLayout } from './public-layout.js';
import { Shell } from './shell.js';

const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      {
        element: <GuestOnly />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'signup', element: <SignupPage /> },
        ],
      },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'invitations/:token', element: <InvitationPage /> },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'funnels', element: <FunnelsPage /> },
          { path: 'email-marketing', element: <EmailMarketingPage /> },
          // The CRM (board, tables, builders) is the largest feature: its code loads when it is first opened.
          { path: 'crm', lazy: async () => ({ Component: (await import('../features/crm/crm-page.js')).CrmPage }) },
          { path: 'ads', element: <AdsPage /> },
          settingsRoutes,
          { path: 'dashboard', element: <Navigate to="/" replace /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

/** Every page of the app, client-side routed (the server falls back to index.html). */
export function AppRouter() {
  return <RouterProvider router={router} />;
}
