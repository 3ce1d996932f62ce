import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { TMe } from '../../../contracts/accounts.js';
import type { TRole } from '../../../contracts/common.js';
import { api, ApiError, setCsrfToken } from '../../lib/api.js';

export const ME_KEY = ['me'] as const;

/** The caller's identity, or null when signed out (401). */
async function fetchMe(): Promise<TMe | null> {
  try {
    const me = await api.get<TMe>('/api/auth/me');
    setCsrfToken(me.csrf_token);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** Who is signed in (null when nobody). */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

/** The signed-in caller, for pages behind the auth guard (which guarantees it is loaded). */
export function useSignedInMe(): TMe {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe used outside the auth guard');
  return data;
}

/** Stores a fresh identity (login, sign-up, switch...) together with its CSRF token. */
export function applyMe(queryClient: QueryClient, me: TMe | null): void {
  setCsrfToken(me?.csrf_token);
  queryClient.setQueryData(ME_KEY, me);
}

/** Sets the new identity and refetches everything else, which belonged to the previous session or workspace. */
export async function startNewContext(queryClient: QueryClient, me: TMe): Promise<void> {
  applyMe(queryClient, me);
  await queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
}

/** Forgets the session and every cached answer. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  applyMe(queryClient, null);
}

/** Admins and owners manage the team, API keys and the outbox. */
export function isAdmin(role: TRole): boolean {
  return role === 'owner' || role === 'admin';
}
