import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, type SignedUp, type TestContext } from '../../../test/harness.js';
import { multipartBody } from '../../../test/multipart.js';
import { s3BlobStore } from '../../platform/storage/s3-blob-store.js';

// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ FILE_MAX_BYTES: '2048' });
});
afterAll(() => t.close());

function upload(owner: SignedUp, fileName: string, content: Buffer | string, contentType = 'image/png') {
  const body = multipartBody({}, { fileName, content, contentType });
  return owner.client.request({ method: 'POST', url: '/api/marketing/files', payload: body.payload, headers: body.headers });
}

describe('media library', () => {
  it('stores an image, serves it from the public server with long caching, lists and deletes it', async () => {
    const owner = await signUp(t.app);
    const res = await upload(owner, '../../logo final.png', PNG, 'application/octet-stream');
    expect(res.statusCode).toBe(201);
    const file = res.json() as { id: string; name: string; content_type: string; size: number; url: string };
    expect(file).toMatchObject({ name: 'logo final.png', content_type: 'image/png', size: PNG.length });
    expect(file.url).toBe(`${t.runtime.config.publicUrl}/files/${file.id}`);

    const served = await t.publicApp.inject({ method: 'GET', url: `/files/${file.id}` });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(PNG)).toBe(true);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toContain('immutable');
    expect(served.headers['x-content-type-options']).toBe('nosniff');

    const list = (await owner.client.get('/api/marketing/files')).json() as { items: { id: string }[] };
    expect(list.items.map((f) => f.id)).toEqual([file.id]);

    expect((await owner.client.delete(`/api/marketing/files/${file.id}`)).statusCode).toBe(204);
    expect((await t.publicApp.inject({ method: 'GET', url: `/files/${file.id}` })).statusCode).toBe(404);
    expect((await owner.client.get('/api/marketing/files')).json()).toEqual({ items: [], next_cursor: null });
  });

  it('recognises files by their bytes: HTML or SVG named .png is 415, over the limit is 413, nothing is kept', async () => {
    const owner = await signUp(t.app);
    expect((await upload(owner, 'page.png', '<html><script>alert(1)</script></html>')).statusCode).toBe(415);
    expect((await upload(owner, 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/svg+xml')).statusCode).toBe(415);
    expect((await upload(owner, 'big.png', Buffer.concat([PNG, Buffer.alloc(4096)]))).statusCode).toBe(413);
    const notMultipart = await owner.client.post('/api/marketing/files', { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
    expect((await owner.client.get('/api/marketing/files')).json()).toEqual({ items: [], next_cursor: null });
    expect((await owner.client.get('/api/marketing/files?cursor=forged')).statusCode).toBe(400);
  });

  it('pages with a keyset cursor', async () => {
    const owner = await signUp(t.app);
    for (let i = 0; i < 3; i += 1) expect((await upload(owner, `img-${i}.png`, PNG)).statusCode).toBe(201);
    const first = (await owner.client.get('/api/marketing/files?limit=2')).json() as { items: { name: string }[]; next_cursor: string };
    expect(first.items.map((f) => f.name)).toEqual(['img-2.png', 'img-1.png']);
    const second = (await owner.client.get(`/api/marketing/files?limit=2&cursor=${first.next_cursor}`)).json() as {
      items: { name: string }[];
      next_cursor: null;
    };
    expect(second.items.map((f) => f.name)).toEqual(['img-0.png']);
    expect(second.next_cursor).toBeNull();
  });

  it('viewers read the library but cannot upload', async () => {
    const owner = await signUp(t.app);
    const key = ((await owner.client.post('/api/workspace/api-keys', { name: 'viewer', role: 'viewer' })).json() as { key: string }).key;
    const body = multipartBody({}, { fileName: 'a.png', content: PNG, contentType: 'image/png' });
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/marketing/files',
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${key}` },
    });
    expect(denied.statusCode).toBe(403);
    const read = await t.app.inject({ method: 'GET', url: '/api/marketing/files', headers: { authorization: `Bearer ${key}` } });
    expect(read.statusCode).toBe(200);
  });
});

describe('S3 blob store', () => {
  it('puts, gets and deletes objects in an S3-compatible server', async () => {
    const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'media', configs: [] }] });
    const { port } = (await server.run()) as { port: number };
    try {
      const store = s3BlobStore({
        bucket: 'media',
        region: 'us-east-1',
        endpoint: `http://127.0.0.1:${port}`,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      });
      await store.put('files/w/1', PNG, 'image/png');
      const blob = await store.get('files/w/1');
      expect(blob?.contentType).toBe('image/png');
      expect(blob?.body.equals(PNG)).toBe(true);
      await store.delete('files/w/1');
      expect(await store.get('files/w/1')).toBeUndefined();
    } finally {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
