import { createHash } from 'node:crypto';

/** SHA-256 (hex) of the trimmed, lower-cased email: how the suppression list remembers erased people. */
export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
