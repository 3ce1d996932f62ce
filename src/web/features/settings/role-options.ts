import type { TFunction } from 'i18next';
import type { TRole } from '../../../contracts/common.js';

/** Options for a role selector, in the order most to least powerful. */
export function roleOptions(roles: readonly TRole[], t: TFunction): { value: TRole; label: string }[] {
  return roles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

/** Roles an invitation or an API key can carry (never owner). */
export const GRANTABLE_ROLES = ['admin', 'member', 'viewer'] as const satisfies readonly TRole[];

// Spelled out rather than importing ROLE_NAMES, whose module would pull zod into the browser bundle.
/** Every role, most to least powerful. */
export const ALL_ROLES = ['owner', ...GRANTABLE_ROLES] as const satisfies readonly TRole[];

/** Narrows a <select> value back to a role. */
export function asRole<T extends TRole>(value: string, allowed: readonly T[]): T | undefined {
  return allowed.find((role) => role === value);
}
