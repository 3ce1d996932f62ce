// Public surface of the credentials module: encrypted provider credentials per workspace.
// Email (SMTP), funnels (Stripe), ads (Meta, Google, LinkedIn) and AI read theirs with readCredential.
export { credentialsRoutes } from './credentials.routes.js';
export { findCredential, readCredential, reseal, rotateCredentials, type TRotation } from './credentials.service.js';
export { workspaceCredentials } from './credentials.tables.js';
