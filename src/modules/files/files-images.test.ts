import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { count, like } from 'drizzle-orm';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';
import { multipartBody } from '../../../test/multipart.js';
import type { TStoredFile } from '../../contracts/files.js';
import { storedBlobs } from '../../platform/storage/storage.tables.js';
import { IMAGE_MAX_SIDE } from './image-processing.js';

// Uploaded images are made fit for the web (image-processing.ts): upright, without metadata, within
// IMAGE_MAX_SIDE, same format; bombs and broken files are refused with nothing stored. Default FILE_MAX_BYTES (10 MB).

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const MARKER = 'GPS-SECRET-48.8584N';

function upload(owner: SignedUp, fileName: string, content: Buffer) {
  const body = multipartBody({}, { fileName, content, contentType: 'application/octet-stream' });
  return owner.client.request({ method: 'POST', url: '/api/marketing/files', payload: body.payload, headers: body.headers });
}

async function served(file: TStoredFile): Promise<Buffer> {
  const res = await t.publicApp.inject({ method: 'GET', url: `/files/${file.id}` });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(file.content_type);
  expect(res.rawPayload.length).toBe(file.size);
  return res.rawPayload;
}

/** A picture with some texture (flat colours would make every encoder look good). */
function picture(width: number, height: number): Sharp {
  return sharp(randomBytes(64 * 48 * 3), { raw: { width: 64, height: 48, channels: 3 } }).resize(width, height, { fit: 'fill' });
}

/** A picture as a phone writes it: EXIF with a position, and "rotate 90° to view" (orientation 6). */
function phoneJpeg(width: number, height: number): Promise<Buffer> {
  return picture(width, height)
    .withExif({ IFD0: { Make: 'Phone', Model: 'Model X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 30/1', GPSMapDatum: MARKER } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function storedBlobCount(workspaceId: string): Promise<number> {
  const rows = await t.runtime.db
    .select({ n: count() })
    .from(storedBlobs)
    .where(like(storedBlobs.key, `files/${workspaceId}/%`));
  return rows[0]!.n;
}

describe('images of the media library', () => {
  it('turns a large phone photo upright, shrinks it to the web size and drops its EXIF and GPS position', async () => {
    const owner = await signUp(t.app);
    const photo = await phoneJpeg(4000, 3000);
    const input = await sharp(photo).metadata();
    expect(input.orientation).toBe(6);
    expect(photo.includes(MARKER)).toBe(true);

    const res = await upload(owner, 'IMG_0001.jpg', photo);
    expect(res.statusCode).toBe(201);
    const file = res.json() as TStoredFile;
    // Stored 4000 x 3000 "rotate 90°": upright it is 3000 x 4000, shrunk to fit 2400 x 2400.
    expect(file).toMatchObject({ name: 'IMG_0001.jpg', content_type: 'image/jpeg', width: 1800, height: 2400 });
    expect(file.size).toBeLessThan(photo.length);

    const bytes = await served(file);
    const stored = await sharp(bytes).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 1800, height: 2400 });
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect(bytes.includes(MARKER)).toBe(false);
    expect(bytes.includes('Exif')).toBe(false);

    const listed = (await owner.client.get('/api/marketing/files')).json() as { items: TStoredFile[] };
    expect(listed.items[0]).toMatchObject({ id: file.id, width: 1800, height: 2400, size: file.size });
  });

  it('drops the EXIF of a photo that needed no shrinking, even when re-encoding makes it larger', async () => {
    const owner = await signUp(t.app);
    const photo = await phoneJpeg(120, 80);
    const file = (await upload(owner, 'small.jpg', photo)).json() as TStoredFile;
    expect(file).toMatchObject({ content_type: 'image/jpeg', width: 80, height: 120 });
    const bytes = await served(file);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(bytes.includes(MARKER)).toBe(false);
  });

  it('keeps PNG, WebP and AVIF in their format within the web size, and never enlarges', { timeout: 60_000 }, async () => {
    const owner = await signUp(t.app);
    for (const format of ['png', 'webp', 'avif'] as const) {
      // A palette keeps a textured PNG this size under the 10 MB limit (and the stored PNG keeps its palette).
      const big = await picture(2600, 1300)
        .withExif({ IFD3: { GPSMapDatum: MARKER } })
        .toFormat(format, { palette: true, effort: 1 })
        .toBuffer();
      const file = (await upload(owner, `big.${format}`, big)).json() as TStoredFile;
      expect(file).toMatchObject({ content_type: `image/${format}`, width: IMAGE_MAX_SIDE, height: 1200 });
      const bytes = await served(file);
      expect(await sharp(bytes).metadata()).toMatchObject({ format: format === 'avif' ? 'heif' : format, width: IMAGE_MAX_SIDE, height: 1200 });
      expect(bytes.includes(MARKER)).toBe(false);
      if (format === 'png') expect((await sharp(bytes).metadata()).isPalette).toBe(true);

      const small = await picture(300, 200).toFormat(format).toBuffer();
      const kept = (await upload(owner, `small.${format}`, small)).json() as TStoredFile;
      expect(kept).toMatchObject({ content_type: `image/${format}`, width: 300, height: 200 });
      expect(kept.size).toBeLessThanOrEqual(small.length);
    }
  });

  it('shrinks a truecolour PNG with transparency and keeps it lossless', async () => {
    const owner = await signUp(t.app);
    const texture = await picture(200, 100).png().toBuffer();
    const png = await sharp({ create: { width: 2500, height: 800, channels: 4, background: { r: 0, g: 90, b: 200, alpha: 0.5 } } })
      .composite([{ input: texture, left: 100, top: 100 }])
      .png()
      .toBuffer();
    const file = (await upload(owner, 'hero.png', png)).json() as TStoredFile;
    expect(file).toMatchObject({ content_type: 'image/png', width: IMAGE_MAX_SIDE, height: 768 });
    expect(await sharp(await served(file)).metadata()).toMatchObject({ format: 'png', hasAlpha: true, isPalette: false, width: IMAGE_MAX_SIDE });
  });

  it('keeps an already optimised small image byte for byte', async () => {
    const owner = await signUp(t.app);
    const logo = await picture(200, 100).png({ palette: true, colours: 16, compressionLevel: 9 }).toBuffer();
    const file = (await upload(owner, 'logo.png', logo)).json() as TStoredFile;
    expect(file).toMatchObject({ width: 200, height: 100, size: logo.length });
    expect((await served(file)).equals(logo)).toBe(true);
  });

  it('shrinks every frame of an animated WebP and stores a GIF as it was sent', async () => {
    const owner = await signUp(t.app);
    const frames = await Promise.all(
      ['#c00', '#0c0', '#00c'].map((background) =>
        sharp({ create: { width: 3000, height: 300, channels: 3, background } })
          .png()
          .toBuffer(),
      ),
    );
    const animated = await sharp(frames, { join: { animated: true } })
      .webp({ delay: [200, 200, 200] })
      .toBuffer();
    const webp = (await upload(owner, 'banner.webp', animated)).json() as TStoredFile;
    expect(webp).toMatchObject({ content_type: 'image/webp', width: IMAGE_MAX_SIDE, height: 240 });
    expect(await sharp(await served(webp)).metadata()).toMatchObject({ pages: 3, width: IMAGE_MAX_SIDE, height: 240 });

    const small = await Promise.all(frames.map((frame) => sharp(frame).resize(40, 4).png().toBuffer()));
    const gif = await sharp(small, { join: { animated: true } })
      .gif({ delay: [200, 200, 200] })
      .toBuffer();
    const stored = (await upload(owner, 'spinner.gif', gif)).json() as TStoredFile;
    expect(stored).toMatchObject({ content_type: 'image/gif', width: 40, height: 4, size: gif.length });
    expect((await served(stored)).equals(gif)).toBe(true);
  });

  it('refuses decompression bombs (413) and unreadable images (400), and stores nothing', async () => {
    const owner = await signUp(t.app);
    // 80 million pixels of one colour: 250 KB on the wire, 240 MB once decoded.
    const bomb = await sharp({ create: { width: 10_000, height: 8_000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const refused = await upload(owner, 'bomb.png', bomb);
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toMatchObject({ reason: 'image_too_many_pixels', params: { megapixels: 75 } });

    // A header that lies: a 10 x 10 PNG claiming 20000 x 20000 pixels (checksum fixed, so only the size gives it away).
    const liar = Buffer.from(
      await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    );
    liar.writeUInt32BE(20_000, 16);
    liar.writeUInt32BE(20_000, 20);
    liar.writeUInt32BE(crc32(liar.subarray(12, 29)), 29);
    expect((await upload(owner, 'liar.png', liar)).json()).toMatchObject({ status: 413, reason: 'image_too_many_pixels' });

    const png = await picture(200, 100).png().toBuffer();
    // A PNG signature and the start of its header, then text: it passes the sniff, not the decoder.
    const garbage = Buffer.concat([png.subarray(0, 16), Buffer.from('garbage '.repeat(250))]);
    const broken = await upload(owner, 'broken.png', garbage);
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ reason: 'image_unreadable' });

    // A valid header, then pixel data cut short or scrambled.
    const jpeg = await picture(800, 600).jpeg().toBuffer();
    expect((await upload(owner, 'cut.jpg', jpeg.subarray(0, jpeg.length / 2))).json()).toMatchObject({ status: 400, reason: 'image_unreadable' });
    // The compressed pixels (IDAT) scrambled, with their checksum fixed.
    const scrambled = Buffer.from(png);
    const idat = scrambled.indexOf('IDAT');
    const idatLength = scrambled.readUInt32BE(idat - 4);
    scrambled.fill(0xab, idat + 4, idat + 4 + idatLength);
    scrambled.writeUInt32BE(crc32(scrambled.subarray(idat, idat + 4 + idatLength)), idat + 4 + idatLength);
    expect((await upload(owner, 'scrambled.png', scrambled)).json()).toMatchObject({ status: 400, reason: 'image_unreadable' });

    expect((await owner.client.get('/api/marketing/files')).json()).toEqual({ items: [], next_cursor: null });
    if (t.runtime.blobs.kind === 'database') expect(await storedBlobCount(owner.workspaceId)).toBe(0);
  });

  it('stores a PDF untouched, with no dimensions', async () => {
    const owner = await signUp(t.app);
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
    const file = (await upload(owner, 'tarifs.pdf', pdf)).json() as TStoredFile;
    expect(file).toMatchObject({ content_type: 'application/pdf', width: null, height: null, size: pdf.length });
    expect((await served(file)).equals(pdf)).toBe(true);
  });

  it('keeps /api/health answering while large photos are processed', { timeout: 120_000 }, async () => {
    const owner = await signUp(t.app);
    const photo = await picture(6000, 4000).jpeg({ quality: 85 }).toBuffer();
    let processing = true;
    const uploads = Promise.all([1, 2, 3].map((i) => upload(owner, `photo-${i}.jpg`, photo))).finally(() => {
      processing = false;
    });
    const latencies: number[] = [];
    while (processing) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = performance.now();
      expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
      latencies.push(performance.now() - started);
    }
    for (const res of await uploads) expect(res.json()).toMatchObject({ width: IMAGE_MAX_SIDE, height: 1600 });
    expect(latencies.length).toBeGreaterThan(2);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });

  it('documents the dimensions in the API reference', async () => {
    const spec = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const upload201 = JSON.stringify(spec.paths['/api/marketing/files']?.post);
    expect(upload201).toContain('"width"');
    expect(upload201).toContain('"height"');
  });
});
