import { describe, expect, it } from 'vitest';
import { configWarnings, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, publicPort: 3001, dataDir: './data', appUrl: 'http://localhost:3000', databaseUrl: undefined });
    expect(config.sessionIdleMs).toBe(7 * 86_400_000);
    expect(config.sessionAbsoluteMs).toBe(30 * 86_400_000);
  });

  it('names each bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x' })).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*SMTP_URL/);
  });

  it('has SIGNUP open by default and refuses unknown modes', () => {
    expect(loadConfig({}).signup).toBe('open');
    expect(loadConfig({ SIGNUP: 'invite' }).signup).toBe('invite');
    expect(() => loadConfig({ SIGNUP: 'maybe' })).toThrow(/SIGNUP/);
  });

  it('warns at boot when the admin app and the public server share a host name in production', () => {
    const secret = { APP_SECRET: 'x'.repeat(32), NODE_ENV: 'production' };
    const shared = loadConfig({ ...secret, APP_URL: 'https://example.com', PUBLIC_URL: 'https://example.com:8443' });
    expect(configWarnings(shared)).toEqual([expect.stringMatching(/share the host name example\.com/)]);
    const apart = loadConfig({ ...secret, APP_URL: 'https://app.example.com', PUBLIC_URL: 'https://pages.example.com' });
    expect(configWarnings(apart)).toEqual([]);
    expect(configWarnings(loadConfig({}))).toEqual([]); // local trial: one host is expected
  });
});
