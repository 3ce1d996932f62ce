// Public surface of the email module: campaigns, their sending engine, tracking and reports.
export { emailCampaignRoutes } from './email-campaigns.routes.js';
export { emailSendingRoutes } from './email-sending.routes.js';
export { emailSettingsRoutes } from './email-settings.routes.js';
export { emailPublicRoutes } from './email-public.routes.js';
export { campaignSenderJob, resolveCampaignRecipientsJob } from './email-sending.jobs.js';
export { abDecideJob } from './email-ab-test.js';
export { conversionsOnLeadEvents } from './email-conversions.js';
export { emailSchedulerJob } from './email-scheduler.job.js';
// Campaigns and their messages, read by the dashboard (campaign sent, the period's sends, opens and clicks).
export { emailCampaigns, emailSends } from './email.tables.js';
export { seedEmailDemo } from './email.demo.js';
export { acceptsInboundAddress, inboundMailHandler } from './email-bounces.service.js';
// Registers the automations' "send an email" action (imported for that side effect by the job list).
export { sendOneOffJob } from './email-automation.js';
export { preloadDocumentCompiler } from './document/document-compile.js';
// Sequences (drips): their routes, the step worker, what they do with lead events, and the "enroll in a sequence"
// action (registered on import).
export { sequenceRoutes } from './sequences/sequences.routes.js';
export { sequenceStepsJob } from './sequences/sequence.jobs.js';
export { sequencesOnLeadEvents } from './sequences/sequence-lead-events.js';
export { testClockRoutes } from './sequences/test-clock.routes.js';
// Enrollment anchored on a time (a webinar's session: funnels' reminders) and the sequences to choose from.
export { enrollWithAnchor, listSequenceChoices, type TAnchoredOutcome } from './sequences/sequence-anchored.js';
export { withWebinarReminderDemo } from './sequences/webinar-reminders.demo.js';
/** The step worker at a given time (tests of other modules move it through time). */
export { runDueSteps } from './sequences/sequence-engine.js';
import './sequences/sequence-automation.js';
// What AI generation (modules/ai/email) drafts a campaign with: the campaign service (it compiles the editor document
// and checks Liquid), the campaign as the API returns it, the text version derived from HTML, and the preview.
export { createCampaign, getCampaign, updateCampaign } from './email-campaigns.service.js';
export * as emailCampaignWire from './email-campaigns.wire.js';
export { compileDocument } from './document/document-compile.js';
export { htmlToText } from './email-render.js';
export { previewCampaign } from './email-preview.service.js';
