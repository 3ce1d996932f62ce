import { hash, verify, type Algorithm } from '@node-rs/argon2';

// OWASP's recommended argon2id parameters: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = {
  algorithm: 2 as Algorithm, // Argon2id (the package's const enum cannot be imported under isolatedModules)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against its stored hash (false for malformed hashes). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A real hash computed once, so that logins for unknown emails take as long as real ones.
let dummyHash: Promise<string> | undefined;

/** Burns the same time as a verification, to hide whether an account exists. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-1234');
  await verifyPassword(await dummyHash, password);
}
