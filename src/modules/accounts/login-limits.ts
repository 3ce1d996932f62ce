import { setTimeout as sleep } from 'node:timers/promises';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import type { Runtime } from '../../platform/runtime.js';

/**
 * Login limits that slow guessing without letting a stranger lock the owner out:
 * - per address (all accounts): LOGIN_RATE_LIMIT_PER_MINUTE;
 * - per account and address: the same limit, so one attacker's address is stopped on that account
 *   while the owner, from their own address, still has all their attempts;
 * - per account from all addresses together: a higher ceiling (LOGIN_ACCOUNT_CEILING_PER_MINUTE,
 *   10× by default), only reachable by an attacker with many addresses;
 * - once an account has had more attempts this minute than one address may make, each further
 *   attempt waits LOGIN_SLOWDOWN_MS first: a delay that costs a botnet time, never a captcha.
 */
export async function limitLoginAttempts(runtime: Runtime, ip: string, email: string): Promise<void> {
  const { db, config } = runtime;
  const account = email.toLowerCase();
  await consumeRateLimit(db, `login:ip:${ip}`, config.loginRateLimitPerMinute);
  await consumeRateLimit(db, `login:account-ip:${account}:${ip}`, config.loginRateLimitPerMinute);
  const accountHits = await consumeRateLimit(db, `login:account:${account}`, config.loginAccountCeilingPerMinute);
  if (accountHits > config.loginRateLimitPerMinute && config.loginSlowdownMs > 0) await sleep(config.loginSlowdownMs);
}
