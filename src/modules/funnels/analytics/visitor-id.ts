import { createHash } from 'node:crypto';
import type { SecretBox } from '../../../platform/crypto/secret-box.js';

// Visitors counted without cookies (as Plausible does): a visitor is the hash of a daily salt, the workspace, the
// address and the browser's user agent. The salt is derived from the instance's secret and the UTC day, so the same
// person is one visitor within a day and a new one the next, and nobody without the secret can recompute whose hash
// it is. Neither the address nor the user agent is stored. The cost: a person seen on two days counts twice in a
// range that spans both, and two people behind one address with the same browser count once.

const PURPOSE = 'funnel-visitor-salt';

let daySalt: { day: string; secrets: SecretBox; salt: string } | undefined;

export function visitorId(secrets: SecretBox, input: { workspaceId: string; ip: string; userAgent: string; now: Date }): string {
  const day = input.now.toISOString().slice(0, 10);
  if (daySalt?.day !== day || daySalt.secrets !== secrets) daySalt = { day, secrets, salt: secrets.sign(PURPOSE, day) };
  const salt = daySalt.salt;
  return createHash('sha256').update(`${salt}\n${input.workspaceId}\n${input.ip}\n${input.userAgent}`).digest('hex').slice(0, 32);
}
