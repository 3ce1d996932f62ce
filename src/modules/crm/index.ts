// Public surface of the CRM module (leads are the audience other modules plug into).
// Other modules import this file, or ./tables.ts for the tables they read in SQL.
// Layers: segments <- crm <- automations; an index.ts never imports a module above it.
export { crmRoutes } from './leads/leads.routes.js';
export { contactsRoutes } from './leads/contacts.routes.js';
export { customFieldRoutes } from './custom-fields/custom-fields.routes.js';
export { customFieldsByKey, type TCustomFieldRow } from './custom-fields/custom-fields.service.js';
export { leadPrivacyRoutes } from './privacy/lead-privacy.routes.js';
export { isSuppressed } from './privacy/suppressions.js';
export { leadImportRoutes } from './imports/lead-import.routes.js';
export { leadImportJob, leadImportRecoveryJob } from './imports/lead-import.jobs.js';
export { wantImportedLeadEvents, type TImportedLeadEventsWanted } from './imports/imported-lead-events.js';
export { leadFilterSql } from './leads/lead-filter.js';
export { recordLeadEvent, type TLeadEventInput } from './leads/lead-events.service.js';
export { recordLeadEventRows } from './leads/lead-event-log.js';
export { collectLeadEvents, type TCollectedLeadEvent, type TLeadEventCause } from './leads/lead-event-scope.js';
export {
  dispatchLeadEventsJob,
  nudgeLeadEventDispatch,
  publishLeadEvents,
  subscribeToLeadEvents,
  type TLeadEventSubscriber,
} from './leads/publish-lead-events.js';
export { applyLockedChange, changeLeadTags, getLead, setLeadUnsubscribed, updateLead, type TLeadRow } from './leads/leads.service.js';
export { addInteraction } from './leads/interactions.service.js';
export { captureLead, confirmOptin, CONFIRMATION_MAIL_INTERVAL_MS, type TLeadCapture, type TLeadCaptureResult } from './leads/lead-capture.service.js';
export { addLeadTask, type TAddLeadTaskInput } from './leads/lead-tasks.service.js';
export * as leadWire from './leads/leads.wire.js';
export { scoringRoutes } from './scoring/scoring.routes.js';
export { rescoreLead, rescoreWorkspace, type TRescoreOptions } from './scoring/lead-scoring.service.js';
export {
  decayScoresJob,
  queueRescoresOfLeadEvents,
  queueScoreRecalculation,
  recalculateScoresJob,
  rescoreLeadJob,
  RESCORE_DELAY_SECONDS,
} from './scoring/scoring.jobs.js';
export { nextRoundRobinOwner } from './settings/round-robin.service.js';
export { winProbabilities } from './settings/crm-settings.service.js';
export { leads, leadEvents, leadInteractions, leadTasks } from './tables.js';
export { loadCrmDemo, seedCrmDemo } from './crm.demo.js';
