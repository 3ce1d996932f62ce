import type { JobDefinition } from '../platform/jobs/define-job.js';
import type { RouteModule } from '../platform/http/api-app.js';
import { deliverMailJob } from '../platform/mail/mail.jobs.js';
import { accountsRoutes, invitationRoutes, purgeSessionsJob } from './accounts/index.js';
import { automationsRoutes, dispatchAutomationsJob, dispatchLeadEventsToAutomations } from './automations/index.js';
import { contactsRoutes, crmRoutes, customFieldRoutes, leadPrivacyRoutes, decayScoresJob, recalculateScoresJob, scoringRoutes, leadImportRoutes, leadImportJob, subscribeToLeadEvents } from './crm/index.js';
import { segmentRoutes } from './segments/index.js';
import { dashboardRoutes } from './dashboard/index.js';
import { workspacesRoutes } from './workspaces/index.js';

// The one file that mounts every module: routes of the admin API, routes of the public
// server and background jobs. A new module adds its lines here.

// Automations run on the lead events of every committed use case (the CRM does not import them).
subscribeToLeadEvents(dispatchLeadEventsToAutomations);

/** Signed-in API routes (admin app, /api/...). */
export const apiRoutes: RouteModule[] = [accountsRoutes, invitationRoutes, workspacesRoutes, crmRoutes, customFieldRoutes, segmentRoutes, leadPrivacyRoutes, contactsRoutes, scoringRoutes, leadImportRoutes, automationsRoutes, dashboardRoutes];

/** Routes of the public server (published pages, forms, tracking, unsubscribe). */
export const publicRoutes: RouteModule[] = [];

/** Every background job the worker runs. */
export const jobs: JobDefinition[] = [deliverMailJob, purgeSessionsJob, recalculateScoresJob, decayScoresJob, leadImportJob, dispatchAutomationsJob] as JobDefinition[];
