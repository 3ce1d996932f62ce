// Query keys of the settings screens, shared by the lists and the mutations that refresh them.
export const MEMBERS_KEY = ['workspace', 'members'] as const;
export const INVITATIONS_KEY = ['workspace', 'invitations'] as const;
export const API_KEYS_KEY = ['workspace', 'api-keys'] as const;
export const OUTBOX_KEY = ['workspace', 'outbox'] as const;
export const WEBHOOKS_KEY = ['workspace', 'webhooks'] as const;
export const DOMAINS_KEY = ['workspace', 'domains'] as const;
/** One webhook's delivery log. */
export const webhookDeliveriesKey = (id: string) => ['workspace', 'webhooks', id, 'deliveries'] as const;
