import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../platform/runtime.js';
import { readPublicFile } from './files.service.js';

/**
 * Files served by the public server, for published pages and emails. A file's bytes never change under its id,
 * so browsers and CDNs may keep it for a year. `nosniff` and the sniffed content type (never the uploader's)
 * keep a file from being run as HTML or script; PDFs are downloads, images are shown.
 */
export function filesPublicRoutes(fastify: FastifyInstance, runtime: Runtime): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/files/:id', { schema: { hide: true, params: z.object({ id: z.string().max(64) }) } }, async (req, reply) => {
    const file = await readPublicFile(runtime, req.params.id);
    if (!file) return reply.callNotFound();
    const disposition = file.row.content_type.startsWith('image/') ? 'inline' : 'attachment';
    return reply
      .header('content-type', file.row.content_type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${file.row.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.row.name)}`)
      .send(file.body);
  });
}
