import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

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
});
