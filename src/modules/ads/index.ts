// Public surface of the ads module (issue 14): campaigns and their daily figures, report imports, connectors to
// Meta, Google and LinkedIn, offline conversions sent back. Other modules import only this file.
// Each part keeps its exports in its own block below.

// -- campaigns (campaigns/)
export { replaceAdDays, type TAdDayFigures } from './campaigns/ad-days.service.js';
export { adRatios, returnOn } from './campaigns/ad-ratios.js';
export { adCampaignRoutes } from './campaigns/ad-campaigns.routes.js';
export { adStats } from './campaigns/ad-stats.service.js';
export { adCampaignRow, createAdCampaign, getAdCampaign, listAdCampaigns } from './campaigns/ad-campaigns.service.js';
export { attributedResults, type TAttributionTarget, type TRawResults } from './campaigns/ad-attribution.js';
export { updateAdCampaign } from './campaigns/ad-campaigns.service.js';
export { adCampaign as adCampaignBody } from './campaigns/ad-campaigns.wire.js';

// -- report imports (reports/)
export { adReportImportRoutes } from './reports/report-import.routes.js';
export { importAdReport, listAdReportImports } from './reports/report-import.service.js';
export { seedAdsDemo } from './demo/ads.demo.js';

// -- connectors (connectors/)
export type * from './connectors/ad-connector.js';
export { AdPlatformError } from './connectors/ad-connector.js';
export type { TAdConnectorConfig, TGoogleConfig, TLinkedInConfig, TMetaConfig } from './connectors/connector-config.js';
export { adNetworkSetup } from './connectors/connector-config.js';
export { connectorFor } from './connectors/connector-registry.js';
export { adPlatformProblem, useConnection } from './connectors/connection-tokens.js';
export { setRemoteCampaignStatus } from './connectors/remote-status.js';
export { adConnectionsRoutes } from './connectors/connections.routes.js';
export { adDailySyncJob, adSyncJob, queueConnectionSync } from './connectors/ad-sync.jobs.js';
export { callPlatform } from './connectors/connection-tokens.js';
export { rotateAdConnectionTokens } from './connectors/token-rotation.js';

// -- offline conversions (conversions/)
export { adConversionsOnLeadEvents } from './conversions/conversion-triggers.js';
export { uploadAdConversionJob } from './conversions/conversions.jobs.js';
export { adConversionRoutes, listConversionUploads } from './conversions/conversions.routes.js';
export { hashEmail, normalizeEmail } from './conversions/hash-identifiers.js';
