// Public surface of the segments module: rule trees over leads, compiled to SQL, and saved segments.
// It reads the CRM's tables (../crm/tables.ts) and never imports crm/index.ts: the CRM builds on it.
export { segmentRoutes } from './segments.routes.js';
export { compileLeadRules, compileRuleTree } from './segment-compiler.js';
export { countSegment, getSegment, previewSegment, type TSegmentRow } from './segments.service.js';
