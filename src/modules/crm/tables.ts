// The CRM tables other modules may read or join in SQL (segments compile rules over leads and
// their events, automations log runs per lead). Writes go through the services in ./index.ts.
// Table files import only other modules' tables.ts, so this entry never forms an import cycle.
export { leads, leadEvents, leadEventOutbox, leadInteractions, leadTasks, savedViews, leadSearchText } from './leads/leads.tables.js';
export { customFieldDefinitions } from './custom-fields/custom-fields.tables.js';
export { crmSettings } from './settings/crm-settings.tables.js';
export { leadSuppressions } from './privacy/privacy.tables.js';
export { leadScoreHistory, scoringRules } from './scoring/scoring.tables.js';
export { leadImports, leadImportChunks, leadImportFailures } from './imports/imports.tables.js';
