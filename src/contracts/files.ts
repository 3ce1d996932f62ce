import { z } from 'zod';
import { ZId, ZTimestamp } from './common.js';

// The media library: images and PDFs a workspace uploads for its pages and emails.

export const ZStoredFile = z.object({
  id: ZId,
  name: z.string(),
  content_type: z.string(),
  /** Bytes stored and served: for an image, after resizing to the web size. */
  size: z.number().int(),
  /** Pixels of an image as stored (one frame of an animation); null for a PDF. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  sha256: z.string(),
  /** Public, cacheable address on the public server (an unguessable id; anyone with the link can read it). */
  url: z.string(),
  created_at: ZTimestamp,
});
export type TStoredFile = z.infer<typeof ZStoredFile>;

export const ZStoredFileList = z.object({ items: z.array(ZStoredFile), next_cursor: z.string().nullable() });

export const ZStoredFileListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
