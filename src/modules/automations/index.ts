// Public surface of the automations module: rules "when this happens to a lead, do that", run by a job.
// It builds on crm/index.ts and segments/index.ts; neither imports it (they see it only through
// the lead-event subscription wired in modules/index.ts).
export { automationsRoutes } from './automations.routes.js';
export { dispatchAutomationsJob, dispatchLeadEventsToAutomations } from './automations.jobs.js';
export { rotateAutomationWebhookSecrets } from './automation-secrets.js';
// Other modules (email, funnels) register how their actions run and their triggers match.
export { registerAutomationAction, registerAutomationTrigger, type TActionContext, type TActionOutcome, type TTriggerEvent } from './automation-registry.js';
export { ActionFailure } from './automation-failure.js';
