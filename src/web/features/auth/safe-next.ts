/**
 * The in-app path to return to after logging in. Only same-origin paths are honoured,
 * so a crafted ?next= cannot send the user to another site.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** The login URL that brings the user back to `path` afterwards. */
export function loginUrl(path: string): string {
  // Slashes may stay unescaped in a query string; it keeps the URL readable.
  return path === '/' ? '/login' : `/login?next=${encodeURIComponent(path).replace(/%2F/gi, '/')}`;
}
