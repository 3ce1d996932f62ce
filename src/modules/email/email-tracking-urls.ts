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
    click: (linkId: string) => `${publicUrl}/e/c/${token}/${linkId}`,
    unsubscribe: `${publicUrl}/e/u/${token}`,
  };
}
