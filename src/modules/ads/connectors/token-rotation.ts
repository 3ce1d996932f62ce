import { eq } from 'drizzle-orm';
import { SecretBox } from '../../../platform/crypto/secret-box.js';
import type { Db } from '../../../platform/db/database.js';
import { adConnections } from '../ads.tables.js';
import { tokenContext } from './connection-tokens.js';

/**
 * Re-seals every connection's tokens still sealed with an older APP_SECRET (`npm run secrets:rotate`, an operator's
 * command across workspaces). Tokens no configured key opens are counted and left alone: that connection will show
 * an error at its next use and needs a new consent.
 */
export async function rotateAdConnectionTokens(db: Db, secrets: SecretBox): Promise<{ rewritten: number; unreadable: number }> {
  // eslint-disable-next-line local/tenant-scope -- key rotation (operator command) re-seals every workspace's tokens
  const rows = await db.select({ id: adConnections.id, workspace_id: adConnections.workspace_id, sealed: adConnections.sealed_tokens }).from(adConnections);
  const result = { rewritten: 0, unreadable: 0 };
  for (const row of rows) {
    if (SecretBox.keyIdOf(row.sealed) === secrets.currentKeyId) continue;
    const context = tokenContext(row.workspace_id, row.id);
    let sealed: string;
    try {
      sealed = secrets.encrypt(secrets.decrypt(row.sealed, context), context);
    } catch {
      result.unreadable += 1;
      continue;
    }
    // eslint-disable-next-line local/tenant-scope -- key rotation: the row just read, by id
    await db.update(adConnections).set({ sealed_tokens: sealed }).where(eq(adConnections.id, row.id));
    result.rewritten += 1;
  }
  return result;
}
