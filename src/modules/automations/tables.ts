// Tables of the automations module other modules may read in SQL (erasing a lead deletes its runs).
export { automations, automationRuns, automationEventClaims } from './automations.tables.js';
