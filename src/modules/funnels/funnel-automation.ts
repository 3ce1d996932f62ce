import { registerAutomationTrigger } from '../automations/index.js';

// The automations' "opted in on a funnel" trigger: any funnel, or the one its parameter names.
registerAutomationTrigger({
  type: 'funnel_optin',
  matches: (trigger, event) => trigger.funnel_id === undefined || event.data.funnel_id === trigger.funnel_id,
});
