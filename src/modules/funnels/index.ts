// Public surface of the funnels module: sales funnels, their pages, publishing on the public server.
import './funnel-automation.js';
export { funnelsRoutes } from './funnels.routes.js';
export { funnelsPublicRoutes } from './publishing/funnels.public-routes.js';
export { funnels, funnelPages } from './funnels.tables.js';
export { seedFunnelDemo } from './funnels.demo.js';
