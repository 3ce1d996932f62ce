// Public surface of the AI module (issue 15): generation of funnels, email campaigns and ad creatives from a brief,
// by a model (any OpenAI-compatible endpoint) or the built-in generator, the brand kit, usage and caps, and the
// editors' rewrite. Other modules import only this file.
export { aiRoutes } from './ai.routes.js';
export { aiGenerationRoutes } from './generations/generate.routes.js';
export { getBrandKit } from './brand-kit/brand-kit.service.js';
