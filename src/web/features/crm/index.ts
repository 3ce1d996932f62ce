// The CRM's pages, loaded together on first visit (one chunk: the board, the tables and the record share most code).
export { CrmPage } from './crm-page.js';
export { LeadRecordPage } from './lead-drawer/lead-record-page.js';
