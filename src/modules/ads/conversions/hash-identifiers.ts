import { createHash } from 'node:crypto';

// The ad networks match an offline conversion to a person by a hash of their e-mail, never the address itself:
// Google (enhanced conversions for leads), LinkedIn (SHA256_EMAIL) and Meta all ask for SHA-256 in lowercase hex of
// the address trimmed and lower-cased. One function, so the three connectors hash the same way.

/** The e-mail as the platforms normalise it before hashing: trimmed, lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** SHA-256 (hex) of the normalised e-mail. */
export function hashEmail(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex');
}
