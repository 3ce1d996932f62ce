import { z } from 'zod';
import { ZEmail, ZTimestamp } from './common.js';

// Sending domains (issue 10): a workspace adds the domain its campaigns are sent from; the product generates a
// DKIM key and says which DNS records to publish (DKIM, SPF, DMARC), then checks them through DNS.

/** A domain name as people type it: letters, digits and hyphens in dot-separated labels, with a dot at least. */
export const ZDomainName = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/\.$/, ''))
  .pipe(
    z
      .string()
      .max(253)
      .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, 'must be a domain name such as example.com'),
  );

export const DNS_RECORD_PURPOSES = ['dkim', 'spf', 'dmarc'] as const;

/**
 * One record to publish and what DNS said of it at the last check: `ok`, `missing` (no such record), `mismatch`
 * (a record is there but not the one expected: another DKIM key, an SPF record without the sender), or
 * `unchecked` before any check.
 */
export const ZDnsRecordCheck = z.object({
  purpose: z.enum(DNS_RECORD_PURPOSES),
  type: z.literal('TXT'),
  name: z.string(),
  value: z.string(),
  status: z.enum(['ok', 'missing', 'mismatch', 'unchecked']),
  /** The TXT values found at that name (what to compare with, when it is a mismatch). */
  found: z.array(z.string()),
  /** Why the check failed when DNS itself did not answer (a timeout, a refused query). */
  error: z.string().nullable(),
});
export type TDnsRecordCheck = z.infer<typeof ZDnsRecordCheck>;

export const ZEmailDomain = z.object({
  id: z.uuid(),
  domain: z.string(),
  dkim_selector: z.string(),
  status: z.enum(['pending', 'verified', 'failing']),
  records: z.array(ZDnsRecordCheck),
  checked_at: ZTimestamp.nullable(),
  verified_at: ZTimestamp.nullable(),
  created_at: ZTimestamp,
});
export type TEmailDomain = z.infer<typeof ZEmailDomain>;

export const ZEmailDomainBody = z.strictObject({ domain: ZDomainName });
export const ZEmailDomainList = z.object({ items: z.array(ZEmailDomain) });

/** What `POST /api/marketing/email-settings/smtp-test` answers: the provider's own words when it refused. */
export const ZSmtpTestResult = z.object({
  ok: z.boolean(),
  /** Which server was tried: the workspace's own SMTP settings, or the instance's SMTP_URL. */
  via: z.enum(['workspace', 'instance']),
  /** The SMTP reply code of a refusal (535 for bad credentials…), null for a network failure. */
  response_code: z.number().int().nullable(),
  /** The server's exact reply, or the network error. */
  error: z.string().nullable(),
  /** Set when the product refused to connect: the host leads to a private address (WEBHOOK_ALLOW_PRIVATE_ADDRESSES). */
  error_code: z.enum(['private_address']).nullable(),
});
export type TSmtpTestResult = z.infer<typeof ZSmtpTestResult>;
export const ZSmtpTestBody = z.strictObject({ to: ZEmail });
