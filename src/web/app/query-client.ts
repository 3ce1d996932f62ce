import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api.js';
import { applyMe, ME_KEY } from '../features/auth/session.js';

/** A 401 from any request means the session ended (expired, revoked elsewhere): show the login page. */
function signOutOnUnauthorized(error: unknown): void {
  if (error instanceof ApiError && error.status === 401 && queryClient.getQueryData(ME_KEY)) applyMe(queryClient, null);
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Client errors will not fix themselves; network and server errors might.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: signOutOnUnauthorized }),
  mutationCache: new MutationCache({ onError: signOutOnUnauthorized }),
  defaultOptions: { queries: { retry: shouldRetry } },
});
