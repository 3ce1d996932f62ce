import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './outbound-webhook.js';

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
