// The email pages, loaded together on first visit (one chunk).
export { EmailMarketingPage } from './email-marketing-page.js';
export { CampaignPage } from './campaigns/campaign-page.js';
export { CampaignReportPage } from './campaigns/campaign-report-page.js';
export { SequencePage } from './sequences/sequence-page.js';
