/**
 * How many of each configuration object one workspace may hold (issue 8, "unbounded lists").
 * Creating one more answers 409; lists return at most this many. Sized far above what a small
 * business configures by hand, low enough that every list is one small response and one cheap query.
 * Documented in ARCHITECTURE.md ("Limits").
 */
export const WORKSPACE_LIMITS = {
  segments: 200,
  customFields: 100,
  scoringRules: 200,
  savedViews: 100,
  automations: 100,
  pendingInvitations: 50,
  activeApiKeys: 100,
  sendingDomains: 20,
  /** Members join only by invitation: inviting is refused once the workspace has this many. */
  members: 500,
} as const;

/** One capped list of a workspace (a key of WORKSPACE_LIMITS). */
export type TWorkspaceList = keyof typeof WORKSPACE_LIMITS;
