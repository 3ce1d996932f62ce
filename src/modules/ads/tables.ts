// The ads tables other modules may read in SQL (the dashboard sums spend per day). Writes go through ./index.ts.
export { adCampaigns, adCampaignDays, adConnections, adReportImports, adConversionUploads } from './ads.tables.js';
