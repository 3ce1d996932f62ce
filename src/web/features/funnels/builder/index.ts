// The page builder of the funnels module: its own chunk (GrapesJS and its CSS load only on this screen).
export { FunnelBuilderPage } from './funnel-builder-page.js';
