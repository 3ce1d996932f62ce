import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { TWebhookCallErrorCode } from '../../contracts/webhooks.js';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

// Every call the server makes to a URL a workspace chose (automation webhook actions, the workspace's
// outgoing webhooks): POST JSON, 5 s at most, no redirects followed. Unless
// WEBHOOK_ALLOW_PRIVATE_ADDRESSES is on, the URL must lead to a public address: a workspace
// member must not be able to make the server call its own network (SSRF). The check happens at
// connection time, on the addresses the connection really uses, so DNS tricks cannot bypass it.

export const WEBHOOK_TIMEOUT_MS = 5000;

/** Loopback, private, link-local, carrier-grade NAT, multicast and reserved ranges (IPv4-mapped IPv6 included). */
const PRIVATE_RANGES = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and IPv4-compatible (::a.b.c.d reaches a.b.c.d on some stacks)
  ['64:ff9b::', 96],
  ['2002::', 16], // 6to4: embeds any IPv4 address, private ones included
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10], // site-local (deprecated, still routed inside some networks)
  ['ff00::', 8],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, 'ipv6');
}

/** True for an address the server should not call on a workspace's behalf. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  return family === 0 || PRIVATE_RANGES.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The address a host name a workspace chose leads to, refused (code `private_address`) when it, or any address it
 * resolves to, is private: for connections that are not HTTP (a workspace's SMTP server), made to that address.
 */
export async function publicAddressOf(host: string): Promise<string> {
  const literal = host.replace(/^\[|\]$/g, '');
  const addresses = isIP(literal) ? [literal] : (await dnsLookupAll(literal)).map((a) => a.address);
  const blocked = addresses.find((address) => isPrivateAddress(address));
  if (blocked || addresses.length === 0)
    throw Object.assign(new Error(`${host} leads to a private address (${blocked ?? 'none'})`), { code: 'private_address' });
  return addresses[0]!;
}

function dnsLookupAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
}

/** A webhook that could not be called or did not answer: the message (English, with details) and its code. */
export class WebhookError extends Error {
  constructor(
    message: string,
    readonly code: TWebhookCallErrorCode,
  ) {
    super(message);
  }
}

/** Resolves like dns.lookup but refuses names that resolve to a private address. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const blocked = addresses.find((a) => isPrivateAddress(a.address));
    if (blocked || addresses.length === 0) {
      return callback(new WebhookError(`${hostname} resolves to a private address (${blocked?.address ?? 'none'})`, 'private_address'), '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** POSTs `body` as JSON to an http(s) URL and returns the status code it answered. */
export function postWebhook(
  url: string,
  body: unknown,
  options: { allowPrivateAddresses: boolean; headers?: Record<string, string>; userAgent?: string },
): Promise<number> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return Promise.reject(new WebhookError('only http and https URLs can be called', 'bad_scheme'));
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateAddresses && isIP(literal) && isPrivateAddress(literal)) {
    return Promise.reject(new WebhookError(`${literal} is a private address`, 'private_address'));
  }
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: {
          ...options.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          'user-agent': options.userAgent ?? 'MarketingPlatform-Automations/1',
        },
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        ...(options.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        // Only the status code matters: drop the body (and the connection) right away.
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on('error', (error: Error) => {
      if (error.name === 'AbortError' || error.name === 'TimeoutError') reject(new WebhookError(`no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`, 'timeout'));
      else reject(error instanceof WebhookError ? error : new WebhookError(error.message, connectionFailure(error)));
    });
    request.end(payload);
  });
}

/** What kind of network failure an error of Node's http client is, for a sentence the reader understands. */
export function connectionFailure(error: Error): TWebhookCallErrorCode {
  const code = String((error as { code?: unknown }).code ?? '');
  if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA'].includes(code)) return 'dns_failed';
  if (code === 'ECONNREFUSED') return 'connection_refused';
  // OpenSSL's own failures come as EPROTO ("SSL routines: wrong version number" for https to a plain HTTP server).
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH|EPROTO/.test(code)) return 'tls_failed';
  if (['ECONNRESET', 'EPIPE', 'ECONNABORTED'].includes(code) || error.message === 'socket hang up') return 'connection_reset';
  return 'unreachable';
}
