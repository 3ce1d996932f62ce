// Public surface of the email module: campaigns (drafts for now; the sending engine, tracking and reports follow).
export { emailCampaignRoutes } from './email-campaigns.routes.js';
export { emailCampaigns } from './email.tables.js';
