import type { TAdConnection } from '../../../contracts/ads.js';
import { iso } from '../../../contracts/common.js';
import type { TAdConnectionRow } from './connection-tokens.js';

/** A connection as the API shows it: never its tokens, sealed or not. */
export function connection(row: TAdConnectionRow): TAdConnection {
  return {
    id: row.id,
    network: row.network,
    account_id: row.account_id,
    account_name: row.account_name,
    status: row.status,
    last_sync_at: iso(row.last_sync_at),
    last_error: row.last_error,
    rate_limited_until: iso(row.rate_limited_until),
    created_at: iso(row.created_at),
  };
}
