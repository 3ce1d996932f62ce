/**
 * Where file bytes live: the database by default (one process, nothing else to run), or an
 * S3-compatible bucket when S3_BUCKET is set (uploads then never grow the database).
 * Keys are chosen by the caller and never reused for other bytes, so readers may cache forever.
 */
export type BlobStore = {
  readonly kind: 'database' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The bytes, or undefined when no blob has this key. */
  get(key: string): Promise<{ body: Buffer; contentType: string } | undefined>;
  delete(key: string): Promise<void>;
};
