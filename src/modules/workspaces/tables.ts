// Tables of the workspaces module other modules may read or reference in SQL (workspace_id foreign keys, members).
export { workspaces, workspaceMembers, invitations, apiKeys } from './workspaces.tables.js';
export { workspaceDomains } from './domains.tables.js';
