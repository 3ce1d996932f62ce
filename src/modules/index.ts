import type { JobDefinition } from '../platform/jobs/define-job.js';
import type { RouteModule } from '../platform/http/api-app.js';
import { analyzeDatabaseJob } from '../platform/db/statistics.jobs.js';
import { deliverMailJob } from '../platform/mail/mail.jobs.js';
import { accountsRoutes, invitationRoutes, passwordResetRequestJob, purgeSessionsJob } from './accounts/index.js';
import { automationsRoutes, dispatchAutomationsJob, dispatchLeadEventsToAutomations } from './automations/index.js';
import {
  contactsRoutes,
  crmRoutes,
  customFieldRoutes,
  leadPrivacyRoutes,
  decayScoresJob,
  recalculateScoresJob,
  rescoreLeadJob,
  queueRescoresOfLeadEvents,
  scoringRoutes,
  leadImportRoutes,
  leadImportJob,
  leadImportRecoveryJob,
  subscribeToLeadEvents,
  dispatchLeadEventsJob,
} from './crm/index.js';
import { segmentRoutes } from './segments/index.js';
import { credentialsRoutes } from './credentials/index.js';
import { dashboardRoutes } from './dashboard/index.js';
import { filesPublicRoutes, filesRoutes } from './files/index.js';
import { decidePageAbTestsJob, funnelsPublicRoutes, funnelsRoutes, pageAbTestRoutes, webinarPublicRoutes, webinarRoutes } from './funnels/index.js';
import { deliverWebhookJob, queueLeadEventWebhooks, webhooksRoutes } from './webhooks/index.js';
import { domainsPublicRoutes, domainsRoutes, workspacesRoutes } from './workspaces/index.js';
import { demoRoutes } from './demo/index.js';
import {
  adCampaignRoutes,
  adConnectionsRoutes,
  adConversionRoutes,
  adConversionsOnLeadEvents,
  adDailySyncJob,
  adReportImportRoutes,
  adSyncJob,
  uploadAdConversionJob,
} from './ads/index.js';
import {
  checkoutPublicRoutes,
  funnelSalesRoutes,
  membershipOnLeadEvents,
  membershipPublicRoutes,
  ordersRoutes,
  pageOffersRoutes,
  paymentsRoutes,
  productsRoutes,
  stripeWebhookRoutes,
} from './commerce/index.js';
import {
  sendOneOffJob,
  acceptsInboundAddress,
  inboundMailHandler,
  campaignSenderJob,
  emailCampaignRoutes,
  emailPublicRoutes,
  emailSchedulerJob,
  emailSendingRoutes,
  emailSettingsRoutes,
  resolveCampaignRecipientsJob,
  sequenceRoutes,
  sequenceStepsJob,
  abDecideJob,
  sequencesOnLeadEvents,
  conversionsOnLeadEvents,
  testClockRoutes,
} from './email/index.js';
import { declareImportedLeadEventConsumers } from './imported-lead-consumers.js';
import { aiGenerationRoutes, aiRoutes } from './ai/index.js';

// The one file that mounts every module: routes of the admin API, routes of the public
// server and background jobs. A new module adds its lines here.

// Automations run on the lead events of every committed use case (the CRM does not import them).
subscribeToLeadEvents(dispatchLeadEventsToAutomations);
// Events recorded append-only (recordLeadEvent) get their lead rescored by a debounced job.
subscribeToLeadEvents(queueRescoresOfLeadEvents);
// The workspace's outgoing webhooks get them as lead.<type>.
subscribeToLeadEvents(queueLeadEventWebhooks);
// Sequences: exits on unsubscribe, bounce, complaint and goal; enrollment of leads entering an entry segment.
subscribeToLeadEvents(sequencesOnLeadEvents);
// Emails: a lead won after a click is the last clicked email's conversion.
subscribeToLeadEvents(conversionsOnLeadEvents);
// Member pages: a funnel's first paid order makes its buyer a member and sends the access e-mail.
subscribeToLeadEvents(membershipOnLeadEvents);
// Ads: won deals and paid orders attributed to a connected campaign go back to its network (offline conversions).
subscribeToLeadEvents(adConversionsOnLeadEvents);
// An import writes per-lead `imported` events only where an automation or a webhook consumes them.
declareImportedLeadEventConsumers();

/** Signed-in API routes (admin app, /api/...). */
export const apiRoutes: RouteModule[] = [
  accountsRoutes,
  invitationRoutes,
  workspacesRoutes,
  domainsRoutes,
  credentialsRoutes,
  filesRoutes,
  webhooksRoutes,
  crmRoutes,
  customFieldRoutes,
  segmentRoutes,
  leadPrivacyRoutes,
  contactsRoutes,
  scoringRoutes,
  leadImportRoutes,
  automationsRoutes,
  emailSendingRoutes,
  emailSettingsRoutes,
  emailCampaignRoutes,
  sequenceRoutes,
  funnelsRoutes,
  pageAbTestRoutes,
  webinarRoutes,
  productsRoutes,
  paymentsRoutes,
  ordersRoutes,
  pageOffersRoutes,
  funnelSalesRoutes,
  testClockRoutes,
  dashboardRoutes,
  adCampaignRoutes,
  adReportImportRoutes,
  adConnectionsRoutes,
  adConversionRoutes,
  aiRoutes,
  aiGenerationRoutes,
  demoRoutes,
];

/** Routes of the public server (published pages, forms, tracking, unsubscribe). */
export const publicRoutes: RouteModule[] = [
  filesPublicRoutes,
  emailPublicRoutes,
  funnelsPublicRoutes,
  domainsPublicRoutes,
  webinarPublicRoutes,
  stripeWebhookRoutes,
  checkoutPublicRoutes,
  membershipPublicRoutes,
];

/** Every background job the worker runs. */
export const jobs: JobDefinition[] = [
  deliverMailJob,
  analyzeDatabaseJob,
  purgeSessionsJob,
  passwordResetRequestJob,
  recalculateScoresJob,
  rescoreLeadJob,
  decayScoresJob,
  leadImportJob,
  leadImportRecoveryJob,
  dispatchLeadEventsJob,
  dispatchAutomationsJob,
  deliverWebhookJob,
  resolveCampaignRecipientsJob,
  campaignSenderJob,
  emailSchedulerJob,
  sendOneOffJob,
  sequenceStepsJob,
  abDecideJob,
  decidePageAbTestsJob,
  adSyncJob,
  adDailySyncJob,
  uploadAdConversionJob,
] as JobDefinition[];

/** The inbound SMTP listener's recipients and handler: bounce and complaint reports of campaign mail. */
export const inboundMail = { accepts: acceptsInboundAddress, handler: inboundMailHandler };
