// Query keys of the settings screens, shared by the lists and the mutations that refresh them.
export const MEMBERS_KEY = ['workspace', 'members'] as const;
export const INVITATIONS_KEY = ['workspace', 'invitations'] as const;
export const API_KEYS_KEY = ['workspace', 'api-keys'] as const;
export const OUTBOX_KEY = ['workspace', 'outbox'] as const;
