import type { TAutomationActionDefinition, TAutomationTriggerDefinition } from './lead-event-definitions.js';
import { ORDER_AUTOMATION_TRIGGERS } from './commerce-orders.js';
import { CRM_AUTOMATION_ACTIONS, CRM_AUTOMATION_TRIGGERS } from './crm-automation-catalog.js';
import { EMAIL_AUTOMATION_ACTIONS, EMAIL_AUTOMATION_TRIGGERS } from './email.js';
import { FUNNEL_AUTOMATION_TRIGGERS } from './funnels.js';

// The automation catalog: every trigger and action, each declared by its module's contract, which adds
// one line here. contracts/crm-automations.ts builds the API's schemas (and OpenAPI) from it; the
// automations module runs what modules registered (registerAutomationAction / registerAutomationTrigger).

export const AUTOMATION_TRIGGERS = {
  ...CRM_AUTOMATION_TRIGGERS,
  ...FUNNEL_AUTOMATION_TRIGGERS,
  ...EMAIL_AUTOMATION_TRIGGERS,
  ...ORDER_AUTOMATION_TRIGGERS,
} satisfies Record<string, TAutomationTriggerDefinition>;

export const AUTOMATION_ACTIONS = {
  ...CRM_AUTOMATION_ACTIONS,
  ...EMAIL_AUTOMATION_ACTIONS,
} satisfies Record<string, TAutomationActionDefinition>;
