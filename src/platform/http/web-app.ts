import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const WEB_DIST = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** True when `vite build` has produced the SPA. */
export function webAppIsBuilt(): boolean {
  return existsSync(`${WEB_DIST}/index.html`);
}

/** Serves the built SPA; unknown non-API paths fall back to index.html (client-side routing). */
export async function serveWebApp(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    index: ['index.html'],
    // Never publish source maps, even from an older build left in dist/web.
    allowedPath: (path) => !path.endsWith('.map'),
    // Hashed assets can be cached forever; index.html must always be revalidated.
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
