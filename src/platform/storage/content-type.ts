import { fileTypeFromBuffer } from 'file-type';

/**
 * Types a user may upload to the media library, recognised by their bytes (never by the name or the
 * declared type). SVG is refused: it can carry scripts, and files are served from the public origin.
 */
export const ALLOWED_UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'application/pdf'] as const;

/** The content type the bytes really are, when it is one we accept; undefined otherwise. */
export async function sniffAllowedType(bytes: Buffer): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected && (ALLOWED_UPLOAD_TYPES as readonly string[]).includes(detected.mime) ? detected.mime : undefined;
}
