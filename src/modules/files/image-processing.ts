import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../../platform/errors.js';

/**
 * Uploaded images made fit for the web, with sharp (libvips):
 * - PNG, JPEG, WebP and AVIF are turned upright from their EXIF orientation, stripped of every metadata block
 *   (EXIF with its GPS position, XMP, IPTC, PNG text), converted to sRGB, shrunk to fit IMAGE_MAX_SIDE on both
 *   sides (never enlarged) and re-encoded in their own format. An animated WebP keeps its frames.
 *   When no shrinking was needed and the upload carries no metadata, the smaller of the upload and the
 *   re-encoding is kept (an optimised PNG stays as it is).
 * - GIF is stored byte for byte: re-quantising an animation costs quality and time, and GIF has no EXIF
 *   (an XMP extension, rare, would stay). Its header is still read, for the dimensions and the pixel limit over all frames.
 * Decoding is bounded: IMAGE_MAX_PIXELS (over all frames) is checked from the header before any pixel is decoded,
 * which refuses decompression bombs (a few KB that claim 20000 x 20000 pixels).
 */
export const IMAGE_MAX_SIDE = 2400;
export const IMAGE_MAX_PIXELS = 75_000_000;

/** What to store for an upload: the bytes, and the pixel size when it is an image. */
export type TPreparedUpload = { body: Buffer; width: number | null; height: number | null };

const RESIZED_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/avif'];

// libvips' own operation cache keeps recent results for re-use; each upload is new, so it would only hold memory.
sharp.cache(false);

/** The bytes to store for an upload whose type was sniffed from its content: images prepared as above, PDFs untouched. */
export async function prepareUpload(body: Buffer, contentType: string): Promise<TPreparedUpload> {
  if (contentType === 'image/gif') return withImageSlot(() => readGif(body));
  if (RESIZED_TYPES.includes(contentType)) return withImageSlot(() => webImage(body, contentType));
  return { body, width: null, height: null };
}

async function readGif(body: Buffer): Promise<TPreparedUpload> {
  const meta = await readHeader(sharp(body, { animated: true, limitInputPixels: IMAGE_MAX_PIXELS }));
  return { body, width: meta.width, height: meta.pageHeight ?? meta.height };
}

async function webImage(body: Buffer, contentType: string): Promise<TPreparedUpload> {
  // `failOn: 'error'` refuses truncated and broken pixel data; mere decoder warnings (common in camera JPEGs) pass.
  const input = sharp(body, { animated: contentType === 'image/webp', limitInputPixels: IMAGE_MAX_PIXELS, failOn: 'error' });
  const meta = await readHeader(input);
  const pageHeight = meta.pageHeight ?? meta.height;
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [pageHeight, meta.width] : [meta.width, pageHeight];
  const needsResize = width > IMAGE_MAX_SIDE || height > IMAGE_MAX_SIDE;
  const pipeline = input.autoOrient().resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  const out = await encode(pipeline, contentType, meta)
    .toBuffer({ resolveWithObject: true })
    .catch((error: unknown) => {
      throw imageError(error);
    });
  if (!needsResize && !carriesMetadata(meta) && out.data.length >= body.length) return { body, width, height };
  return { body: out.data, width: out.info.width, height: out.info.pageHeight ?? out.info.height };
}

/** Web quality for each format; sharp writes no metadata unless asked. A PNG stays lossless, or keeps a palette it had. */
function encode(pipeline: Sharp, contentType: string, meta: Metadata): Sharp {
  switch (contentType) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality: 80, mozjpeg: true });
    case 'image/png':
      // Quantising at libimagequant's default effort takes ~10 s for 2400 x 1200 pixels; effort 3 takes ~1.5 s.
      return pipeline.png({ compressionLevel: 9, palette: meta.isPalette, effort: 3 });
    case 'image/webp':
      return pipeline.webp({ quality: 80 });
    default:
      return pipeline.avif({ quality: 55, effort: 2 });
  }
}

/** Whether keeping the upload's own bytes would keep something the person may not mean to publish. */
function carriesMetadata(meta: Metadata): boolean {
  return Boolean(meta.exif || meta.xmp || meta.iptc || meta.tifftagPhotoshop || meta.comments?.length || (meta.orientation ?? 1) !== 1);
}

async function readHeader(input: Sharp): Promise<Metadata> {
  try {
    return await input.metadata();
  } catch (error) {
    throw imageError(error);
  }
}

/** sharp's errors are about the bytes it was given: a 4xx with a reason the web app translates. */
function imageError(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('pixel limit')) {
    const megapixels = IMAGE_MAX_PIXELS / 1_000_000;
    return new AppError('payload_too_large', `The image has more than ${megapixels} million pixels`, {
      reason: 'image_too_many_pixels',
      params: { megapixels },
    });
  }
  return new AppError('bad_request', `The image cannot be read (damaged or incomplete file): ${message.trim()}`, { reason: 'image_unreadable' });
}

// sharp runs each image on a libuv worker thread, never on the event loop. libuv has 4 such threads by default
// and they also serve file reads, DNS look-ups and password hashing: two images at a time leave those room,
// and the event loop (requests, /api/health) is never blocked. Uploads beyond that wait their turn here.
const IMAGE_SLOTS = 2;
let busy = 0;
const waiting: (() => void)[] = [];

async function withImageSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busy >= IMAGE_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else busy += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else busy -= 1;
  }
}
