// Public surface of the workspaces module: other modules import only from here.
export { workspacesRoutes } from './workspaces.routes.js';
export { authenticateApiKey } from './api-keys.service.js';
export { acceptInvitation, previewInvitation } from './invitations.service.js';
export { addMember, createWorkspace, getWorkspace, roleIn, updateWorkspace, workspacesOf } from './workspaces.service.js';
export { workspaces, workspaceMembers, invitations, apiKeys } from './workspaces.tables.js';
export { domainsPublicRoutes, domainsRoutes } from './domains.routes.js';
export { verifiedDomainOf, workspaceOfHost } from './domains.service.js';
export { workspaceDomains } from './domains.tables.js';
