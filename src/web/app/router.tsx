import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { settingsRoutes } from '../features/settings/settings-routes.js';
import { Loading } from '../ui/query-state.js';
import { GuestOnly, RequireAuth } from './guards.js';
import { NotFoundPage } from './not-found-page.js';
import { PublicLayout } from './public-layout.js';
import { Shell } from './shell.js';

/**
 * A page whose code loads when it is first opened (one chunk per page, so the first screen downloads only
 * what it shows). Until the chunk arrives the layout stays on screen with a spinner where the page goes:
 * never a blank page.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  const Component = lazy(() => load().then((module) => ({ default: pick(module) })));
  return (
    <Suspense fallback={<Loading />}>
      <Component />
    </Suspense>
  );
}

const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      {
        element: <GuestOnly />,
        children: [
          {
            path: 'login',
            element: page(
              () => import('../features/auth/login-page.js'),
              (m) => m.LoginPage,
            ),
          },
          {
            path: 'signup',
            element: page(
              () => import('../features/auth/signup-page.js'),
              (m) => m.SignupPage,
            ),
          },
        ],
      },
      {
        path: 'forgot-password',
        element: page(
          () => import('../features/auth/forgot-password-page.js'),
          (m) => m.ForgotPasswordPage,
        ),
      },
      {
        path: 'reset-password',
        element: page(
          () => import('../features/auth/reset-password-page.js'),
          (m) => m.ResetPasswordPage,
        ),
      },
      {
        path: 'invitations/:token',
        element: page(
          () => import('../features/auth/invitation-page.js'),
          (m) => m.InvitationPage,
        ),
      },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      // The funnel page builder takes the whole screen: outside the shell.
      {
        path: 'funnels/:id/pages/:pageId/edit',
        element: page(
          () => import('../features/funnels/builder/index.js'),
          (m) => m.FunnelBuilderPage,
        ),
      },
      {
        element: <Shell />,
        children: [
          {
            index: true,
            element: page(
              () => import('../features/dashboard/dashboard-page.js'),
              (m) => m.DashboardPage,
            ),
          },
          {
            path: 'funnels',
            element: page(
              () => import('../features/funnels/funnels-page.js'),
              (m) => m.FunnelsPage,
            ),
          },
          {
            path: 'funnels/:id',
            element: page(
              () => import('../features/funnels/funnel-view-page.js'),
              (m) => m.FunnelViewPage,
            ),
          },
          {
            path: 'email-marketing',
            element: page(
              () => import('../features/email/index.js'),
              (m) => m.EmailMarketingPage,
            ),
          },
          {
            path: 'email-marketing/campaigns/:id',
            element: page(
              () => import('../features/email/index.js'),
              (m) => m.CampaignPage,
            ),
          },
          {
            path: 'email-marketing/campaigns/:id/report',
            element: page(
              () => import('../features/email/index.js'),
              (m) => m.CampaignReportPage,
            ),
          },
          {
            path: 'email-marketing/sequences/:id',
            element: page(
              () => import('../features/email/index.js'),
              (m) => m.SequencePage,
            ),
          },
          {
            path: 'crm',
            element: page(
              () => import('../features/crm/index.js'),
              (m) => m.CrmPage,
            ),
          },
          // A lead's record as a page of its own (the drawer over /crm?lead=<id> stays for quick looks).
          {
            path: 'crm/leads/:id',
            element: page(
              () => import('../features/crm/index.js'),
              (m) => m.LeadRecordPage,
            ),
          },
          {
            path: 'ads',
            element: page(
              () => import('../features/ads/ads-page.js'),
              (m) => m.AdsPage,
            ),
          },
          {
            path: 'ads/:id',
            element: page(
              () => import('../features/ads/campaign-view-page.js'),
              (m) => m.CampaignViewPage,
            ),
          },
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
