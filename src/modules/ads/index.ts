// Public surface of the ads module (issue 14): campaigns and their daily figures, report imports, connectors to
// Meta, Google and LinkedIn, offline conversions sent back. Other modules import only this file.
// Each part keeps its exports in its own block below.

// -- campaigns (campaigns/)
export { replaceAdDays, type TAdDayFigures } from './campaigns/ad-days.service.js';
export { adRatios, returnOn } from './campaigns/ad-ratios.js';

// -- report imports (reports/)

// -- connectors (connectors/)
export type * from './connectors/ad-connector.js';

// -- offline conversions (conversions/)
