// Public surface of the funnels module: sales funnels, their pages, publishing on the public server.
import './funnel-automation.js';
export { funnelsRoutes } from './funnels.routes.js';
export { funnelsPublicRoutes } from './publishing/funnels.public-routes.js';
export { webinarRoutes } from './webinar/webinar.routes.js';
export { webinarPublicRoutes } from './webinar/webinar.public-routes.js';
export { pageAbTestRoutes } from './ab/page-ab.routes.js';
export { decidePageAbTestsJob } from './ab/page-ab.jobs.js';
export { funnels, funnelPages } from './funnels.tables.js';
export { seedFunnelDemo } from './funnels.demo.js';
export { recordFunnelSale } from './funnel-sales.js';
// The public server's live pages, for the checkout (commerce): a page by id, its next step, a visitor's address.
export { cachedPageById, cachedNextUrl } from './publishing/live-page-cache.js';
export { nextPageUrl, type TLivePage } from './publishing/live-pages.js';
export { visitorAddress } from './publishing/visitor-address.js';
export { CHECKOUT_SCRIPT_PATH, pagePaths, pageUrl } from './publishing/public-paths.js';
// A funnel's statistics over a range (visitors per page and day), for commerce's sales statistics.
export { funnelStats } from './analytics/funnel-stats.service.js';
// Member pages: commerce decides who opens them.
export { setMemberPageGate, type TMemberGate } from './publishing/member-gate.js';
export { memberAreaOf, type TMemberArea } from './publishing/member-pages.js';
export { recordFunnelPurchase } from './analytics/record-purchase.js';
// The events table, for the dashboard's visitors and opt-ins of the whole workspace over a period (read per funnel).
export { funnelEvents } from './funnels.tables.js';
// Generated funnels (ai/funnels): the templates' blocks and styles to build pages, a funnel made from such pages,
// and the funnel and its pages as the API shows them (the generation's 201 body, a regenerated page).
export * as templateBlocks from './templates/template-blocks.js';
export { THEMES, pageCss, type TTemplateTheme } from './templates/template-styles.js';
export type { TTemplatePage } from './templates/template-types.js';
export { escapeText } from './publishing/html-escape.js';
export { createFunnelFromPages } from './funnel-templates.service.js';
export { funnelWire } from './funnels.routes.js';
export { page as funnelPageWire } from './funnels.wire.js';
export { listPages, updatePage } from './funnel-pages.service.js';
export { getFunnel } from './funnels.service.js';
