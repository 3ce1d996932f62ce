import { iso } from '../../contracts/common.js';
import { secretFieldsOf, type TCredential, type TCredentialProvider } from '../../contracts/credentials.js';
import type { TCredentialRow } from './credentials.service.js';

/** Stored credentials as the API shows them: secrets reduced to `••••` and their last 4 characters. */
export function credential(row: TCredentialRow, value: Record<string, unknown>): TCredential {
  const provider = row.provider as TCredentialProvider;
  const secretFields = new Set(secretFieldsOf(provider));
  const fields: TCredential['fields'] = {};
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined || field === null) continue;
    fields[name] = secretFields.has(name) ? mask(String(field)) : (field as string | number | boolean);
  }
  return { provider, fields, updated_at: iso(row.updated_at) };
}

function mask(secret: string): string {
  return secret.length <= 8 ? '••••' : `••••${secret.slice(-4)}`;
}
