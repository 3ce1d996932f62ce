// Public surface of the CRM module (leads are the audience other modules plug into).
export { crmRoutes } from './crm.routes.js';
export { contactsRoutes } from './contacts.routes.js';
export { customFieldRoutes } from './custom-fields.routes.js';
export { leadImportRoutes } from './lead-import.routes.js';
export { leadImportJob } from './lead-import.jobs.js';
export { recordLeadEvent, recordLeadEventRows } from './lead-events.service.js';
export { publishLeadEvents } from './publish-lead-events.js';
export { automationsRoutes } from './automations.routes.js';
export { dispatchAutomationsJob } from './automations.jobs.js';
export { scoringRoutes } from './scoring.routes.js';
export { rescoreLead, rescoreWorkspace, type TRescoreOptions } from './lead-scoring.service.js';
export { decayScoresJob, queueScoreRecalculation, recalculateScoresJob } from './scoring.jobs.js';
export { nextRoundRobinOwner } from './round-robin.service.js';
export { addLeadTask, type TAddLeadTaskInput } from './lead-tasks.service.js';
export { leads, leadEvents, leadInteractions } from './crm.tables.js';
export { seedCrmDemo } from './crm.demo.js';
