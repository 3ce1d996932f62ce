import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Authenticated encryption of workspace credentials (SMTP passwords, Stripe and ad-platform keys, AI keys).
 *
 * AES-256-GCM with a 96-bit random nonce per value. The key is derived (HKDF-SHA256) from APP_SECRET, so any
 * long random string works as a secret. Each ciphertext names the key that wrote it (`v1.<key id>.<nonce>.<data>`)
 * and is bound to its context (workspace and provider) as additional authenticated data: a ciphertext copied to
 * another workspace or provider does not decrypt. Rotation: the new secret encrypts, previous secrets
 * (APP_SECRET_PREVIOUS) still decrypt until `npm run secrets:rotate` has re-encrypted every value.
 */
export class SecretBox {
  private readonly keys: { id: string; key: Buffer }[];
  /** Keys of signed links (tracking, unsubscribe), derived apart from the encryption keys; the first signs. */
  private readonly signingKeys: Buffer[];

  constructor(secret: string, previous: string[] = []) {
    this.keys = [secret, ...previous].map((s) => {
      const key = Buffer.from(hkdfSync('sha256', Buffer.from(s, 'utf8'), Buffer.alloc(0), 'workspace-credentials-v1', 32));
      return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
    });
    this.signingKeys = [secret, ...previous].map((s) => Buffer.from(hkdfSync('sha256', Buffer.from(s, 'utf8'), Buffer.alloc(0), 'signed-links-v1', 32)));
  }

  /**
   * A short signature (96 bits, base64url) of `value` for `purpose`: a link that names a row (an email message) and
   * carries this proves the product wrote it, so nobody can forge the link of another message by changing the id.
   */
  sign(purpose: string, value: string): string {
    return signWith(this.signingKeys[0]!, purpose, value);
  }

  /** Whether `signature` is `sign(purpose, value)` under APP_SECRET or a previous one (links outlive a rotation). */
  verify(purpose: string, value: string, signature: string): boolean {
    const given = Buffer.from(signature, 'utf8');
    return this.signingKeys.some((key) => {
      const expected = Buffer.from(signWith(key, purpose, value), 'utf8');
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
  }

  /** The id of the key new values are encrypted with. */
  get currentKeyId(): string {
    return this.keys[0]!.id;
  }

  /** Encrypts `plaintext` for `context` (e.g. `<workspace id>:smtp`). */
  encrypt(plaintext: string, context: string): string {
    const { id, key } = this.keys[0]!;
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return ['v1', id, nonce.toString('base64url'), data.toString('base64url')].join('.');
  }

  /** Decrypts a value written by `encrypt` with the same context; throws when it was tampered with or the key is gone. */
  decrypt(sealed: string, context: string): string {
    const [version, keyId, nonce, data] = sealed.split('.');
    if (version !== 'v1' || !keyId || !nonce || !data) throw new Error('not a sealed value');
    const entry = this.keys.find((k) => k.id === keyId);
    if (!entry) throw new Error(`sealed with key ${keyId}, which is neither APP_SECRET nor in APP_SECRET_PREVIOUS`);
    const bytes = Buffer.from(data, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
  }

  /** The key id a sealed value was written with (rotation finds values still on an old key). */
  static keyIdOf(sealed: string): string | undefined {
    return sealed.split('.')[1];
  }
}

function signWith(key: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', key).update(`${purpose}\n${value}`).digest().subarray(0, 12).toString('base64url');
}

const TEST_APP_SECRET = 'test-only-app-secret-never-used-in-production';

/**
 * APP_SECRET when set; otherwise (embedded default, development) a secret generated once into
 * `<DATA_DIR>/app-secret` (mode 0600) so credentials survive restarts. Tests without APP_SECRET share a
 * fixed test secret. Production refuses to start without APP_SECRET (checked in loadConfig).
 */
export function resolveAppSecret(options: { secret?: string; env: string; dataDir: string }): string {
  if (options.secret) return options.secret;
  // One fixed secret for every test runtime: on a shared PostgreSQL (npm run test:pg) a job queued by one test
  // process may run in another, and must open what the first one sealed. Never used outside NODE_ENV=test.
  if (options.env === 'test') return TEST_APP_SECRET;
  const file = join(options.dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(options.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
