// Public surface of the dashboard module (the home page's numbers, read from the other modules' tables).
export { dashboardRoutes } from './dashboard.routes.js';
export { dashboard, type TDashboardOptions } from './dashboard.service.js';
