import { defineConfig } from 'vitest/config';

// Server tests run against a real database: in-memory PGlite by default (npm test),
// PostgreSQL at DATABASE_URL with `npm run test:pg`. Each test file gets its own database
// (PGlite) or shares one PostgreSQL database; every test creates its own workspace.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
