import http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isPrivateAddress, postWebhook, WebhookError } from './outbound-webhook.js';

describe('the webhook address guard', () => {
  it('refuses IPv6 forms that reach private networks', () => {
    for (const address of [
      '::1',
      '::',
      '::7f00:1', // IPv4-compatible 127.0.0.1
      '::a00:1', // IPv4-compatible 10.0.0.1
      '2002:7f00:1::1', // 6to4 of 127.0.0.1
      '2002:c0a8:101::1', // 6to4 of 192.168.1.1
      'fec0::1', // site-local
      'fd00::1',
      'fe80::1',
      '127.0.0.1',
      '192.168.1.1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
  });

  it('lets public addresses through', () => {
    for (const address of ['2001:4860:4860::8888', '2a00:1450:4007:80e::200e', '8.8.8.8', '93.184.216.34']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});

describe('a call that fails on the network says how', () => {
  const call = (url: string) =>
    postWebhook(url, { ping: true }, { allowPrivateAddresses: true }).then(
      () => null,
      (error: unknown) => (error instanceof WebhookError ? error.code : String(error)),
    );

  it('tells an unknown domain, a closed port, a reset connection and a failed TLS handshake apart', async () => {
    expect(await call('http://nothing.invalid/hook')).toBe('dns_failed');

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await call(`http://127.0.0.1:${closedPort}/hook`)).toBe('connection_refused');

    // Accepts the connection, then drops it without a word.
    const rude = createServer((socket) => socket.destroy());
    const plain = http.createServer((_req, res) => res.end('ok'));
    try {
      await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
      expect(await call(`http://127.0.0.1:${(rude.address() as AddressInfo).port}/hook`)).toBe('connection_reset');
      // https:// to a server that speaks plain HTTP.
      await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
      expect(await call(`https://127.0.0.1:${(plain.address() as AddressInfo).port}/hook`)).toBe('tls_failed');
    } finally {
      rude.close();
      plain.close();
    }
  });
});
