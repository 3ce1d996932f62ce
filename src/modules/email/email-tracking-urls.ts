import type { SecretBox } from '../../platform/crypto/secret-box.js';

// The public URLs a message carries: its open pixel, its tracked links and its unsubscribe link. Each names the
// message (its email_sends id) and carries a signature of it, so a URL works for that one message only: changing
// the id breaks the signature, and a click URL names a link of the message's campaign, never a destination (the
// destination is read from the database: no open redirect).

const PURPOSE = 'email-message';

/** `<send id>.<signature>`: what each URL of a message carries. */
export function messageToken(secrets: SecretBox, sendId: string): string {
  return `${sendId}.${secrets.sign(PURPOSE, sendId)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The message a token names, or null when it is malformed or its signature is wrong. */
export function sendIdOfToken(secrets: SecretBox, token: string): string | null {
  const [sendId, signature, ...rest] = token.split('.');
  if (!sendId || !signature || rest.length > 0 || !UUID.test(sendId)) return null;
  return secrets.verify(PURPOSE, sendId, signature) ? sendId : null;
}

/** The URLs of one message under the public server's address. */
export function messageUrls(publicUrl: string, token: string) {
  return {
    open: `${publicUrl}/e/o/${token}`,
    /** A link's click URL is this, then the link's id. */
    clickPrefix: `${publicUrl}/e/c/${token}/`,
    unsubscribe: `${publicUrl}/e/u/${token}`,
  };
}

const BOUNCE_PURPOSE = 'email-bounce';
const VERP = /^bounces\+([0-9a-f]{32})\.([0-9a-f]{16})@(.+)$/i;

/**
 * The envelope sender of one message (VERP): `bounces+<message id, 32 hex>.<signature, 16 hex>@<bounce domain>`,
 * 57 characters of local part (at most 64 allowed), lower-case only (some servers fold case). A bounce report
 * comes back to this address, naming the message; the signature keeps anyone from bouncing another message.
 */
export function bounceAddress(secrets: SecretBox, sendId: string, domain: string): string {
  const hex = sendId.replace(/-/g, '');
  return `bounces+${hex}.${signatureHex(secrets, hex)}@${domain}`;
}

/** The message an envelope address names, or null when it is not one of ours or its signature is wrong. */
export function sendIdOfBounceAddress(secrets: SecretBox, address: string, domain: string): string | null {
  return sendIdOf(VERP, BOUNCE_PURPOSE, secrets, address, domain);
}

function sendIdOf(pattern: RegExp, purpose: string, secrets: SecretBox, address: string, domain: string): string | null {
  const match = pattern.exec(address.trim());
  if (!match || match[3]!.toLowerCase() !== domain.toLowerCase()) return null;
  const hex = match[1]!.toLowerCase();
  if (signatureHex(secrets, hex, purpose) !== match[2]!.toLowerCase()) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UNSUBSCRIBE_PURPOSE = 'email-unsubscribe-mailto';
const UNSUBSCRIBE = /^unsubscribe\+([0-9a-f]{32})\.([0-9a-f]{16})@(.+)$/i;

/**
 * The mailto address of a message's List-Unsubscribe header (for mail clients that unsubscribe by writing):
 * `unsubscribe+<message id, 32 hex>.<signature, 16 hex>@<bounce domain>`, 61 characters of local part. Its own
 * signature purpose: a bounce address cannot be turned into an unsubscribe one.
 */
export function unsubscribeAddress(secrets: SecretBox, sendId: string, domain: string): string {
  const hex = sendId.replace(/-/g, '');
  return `unsubscribe+${hex}.${signatureHex(secrets, hex, UNSUBSCRIBE_PURPOSE)}@${domain}`;
}

/** The message an unsubscribe address names, or null when it is not one of ours or its signature is wrong. */
export function sendIdOfUnsubscribeAddress(secrets: SecretBox, address: string, domain: string): string | null {
  return sendIdOf(UNSUBSCRIBE, UNSUBSCRIBE_PURPOSE, secrets, address, domain);
}

/**
 * Whether the inbound listener takes mail for this address: one of our envelope senders, a List-Unsubscribe
 * mailto, or `feedback@<bounce domain>` (the address to register with mailbox providers' complaint feedback loops;
 * their reports quote the original message, whose Message-ID names it). Every other recipient is refused.
 */
export function isBounceAddress(address: string, domain: string): boolean {
  const trimmed = address.trim().toLowerCase();
  if (trimmed === `feedback@${domain.toLowerCase()}`) return true;
  const match = VERP.exec(trimmed) ?? UNSUBSCRIBE.exec(trimmed);
  return match !== null && match[3]! === domain.toLowerCase();
}

function signatureHex(secrets: SecretBox, hex: string, purpose = BOUNCE_PURPOSE): string {
  return Buffer.from(secrets.sign(purpose, hex), 'base64url').subarray(0, 8).toString('hex');
}
