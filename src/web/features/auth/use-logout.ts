import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasStatus, notifyError } from '../../lib/errors.js';
import { api } from '../../lib/api.js';
import { forgetSession } from './session.js';

/**
 * Logs out. With `redirectTo`, the browser fully loads that page: nothing of the session
 * (cached workspace data, CSRF token) survives, and the auth guard cannot race the navigation
 * into /login?next=<page being left>. With null, the current (public) page stays, signed out.
 */
export function useLogout(redirectTo: string | null = '/login') {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const done = () => {
    if (redirectTo) window.location.assign(redirectTo);
    else forgetSession(queryClient);
  };
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSuccess: done,
    // A 401 means the session had already ended: the user is signed out either way.
    onError: (error) => (hasStatus(error, 401) ? done() : notifyError(error, t)),
  });
}
