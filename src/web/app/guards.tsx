import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { useMe } from '../features/auth/session.js';
import { loginUrl, safeNext } from '../features/auth/safe-next.js';
import { QueryState } from '../ui/query-state.js';

/** Signed-in pages: anybody else goes to the login page, which brings them back afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  return <QueryState query={me}>{(data) => (data ? <Outlet /> : <Navigate to={loginUrl(location.pathname + location.search)} replace />)}</QueryState>;
}

/** Login and sign-up: a signed-in user goes straight to where they were heading. */
export function GuestOnly() {
  const me = useMe();
  const [params] = useSearchParams();
  return <QueryState query={me}>{(data) => (data ? <Navigate to={safeNext(params.get('next'))} replace /> : <Outlet />)}</QueryState>;
}
