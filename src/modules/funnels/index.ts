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
