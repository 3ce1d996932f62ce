import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Brotli or gzip for answers over 1 KiB when the client accepts them (the UI's scripts shrink about 4x).
 * Hashed assets are cached for a year (web-app.ts), so each is compressed once per browser.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
}
