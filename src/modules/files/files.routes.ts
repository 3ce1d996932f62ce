import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../contracts/common.js';
import { ZStoredFile, ZStoredFileList, ZStoredFileListQuery } from '../../contracts/files.js';
import { AppError } from '../../platform/errors.js';
import { authOf, tenantOf } from '../../platform/http/api-app.js';
import type { Runtime } from '../../platform/runtime.js';
import { deleteFile, listFiles, uploadFile } from './files.service.js';
import { IMAGE_MAX_PIXELS, IMAGE_MAX_SIDE } from './image-processing.js';
import * as wire from './files.wire.js';

const tags = ['files'];

/** The media library API: upload (multipart), list, delete. */
export async function filesRoutes(fastify: FastifyInstance, runtime: Runtime): Promise<void> {
  const max = runtime.config.fileMaxBytes;
  await fastify.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: max, files: 1, fields: 0, parts: 2 } });
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/marketing/files',
      {
        bodyLimit: max + 64 * 1024,
        schema: {
          tags,
          summary: 'Upload an image or a PDF to the media library (multipart field `file`)',
          description:
            `PNG, JPEG, GIF, WebP, AVIF or PDF, recognised by their bytes (415 otherwise), at most ${Math.floor(max / 1_048_576)} MB (413). ` +
            `PNG, JPEG, WebP and AVIF are turned upright, stripped of their metadata (EXIF, GPS position, XMP) and shrunk to fit ` +
            `${IMAGE_MAX_SIDE} x ${IMAGE_MAX_SIDE} pixels, in the same format; \`size\`, \`width\` and \`height\` describe the stored image. ` +
            `GIFs are kept as sent. Images over ${IMAGE_MAX_PIXELS / 1_000_000} million pixels are refused (413), unreadable ones too (400).`,
          consumes: ['multipart/form-data'],
          response: { 201: ZStoredFile },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data (field: file)', { reason: 'multipart_required' });
        const part = await req.file();
        if (!part) throw new AppError('bad_request', 'No file', { errors: [{ path: 'file', message: 'required', code: 'required' }] });
        const body = await part.toBuffer().catch((error: unknown) => {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError('payload_too_large', `The file is larger than ${Math.floor(max / 1_048_576)} MB`, {
              reason: 'file_too_large',
              params: { mb: Math.floor(max / 1_048_576) },
            });
          }
          throw error;
        });
        const row = await uploadFile(runtime, tenantOf(req, runtime), authOf(req), { name: part.filename, body });
        return reply.code(201).send(wire.storedFile(row, runtime.config.publicUrl));
      },
    );
  });

  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/marketing/files',
    { schema: { tags, summary: 'Files of the media library, newest first', querystring: ZStoredFileListQuery, response: { 200: ZStoredFileList } } },
    async (req) => {
      const page = await listFiles(tenantOf(req, runtime), req.query);
      return { items: page.rows.map((row) => wire.storedFile(row, runtime.config.publicUrl)), next_cursor: page.nextCursor };
    },
  );
  app.delete(
    '/api/marketing/files/:id',
    {
      config: { tenant: { table: 'files' } },
      schema: { tags, summary: 'Delete a file (its public address stops working)', params: ZIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteFile(runtime, tenantOf(req, runtime), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
