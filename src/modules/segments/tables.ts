// Tables of the segments module other modules may read in SQL (the CRM demo seeds saved segments).
export { segments } from './segments.tables.js';
