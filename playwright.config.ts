import { defineConfig } from '@playwright/test';

// End-to-end journeys through the real UI in Debian's Chromium, against the product started
// exactly as `npm start` does, on a fresh embedded database in .tmp/.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const dataDir = `.tmp/e2e-data-${Date.now()}`;

export default defineConfig({
  testDir: 'e2e',
  // One output folder per port, so journeys run side by side do not share artifacts.
  outputDir: `test-results/${PORT}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // Always rebuild the UI so the journeys test this commit's code.
    command: `npx vite build --logLevel warn && npx tsx src/main.ts`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      PUBLIC_PORT: String(PORT + 1),
      PUBLIC_URL: `http://127.0.0.1:${PORT + 1}`,
      INBOUND_SMTP_PORT: '0',
      APP_URL: `http://127.0.0.1:${PORT}`,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
      // As in production: the webhook journey checks that a loopback receiver is refused.
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false',
      // The sequences journey moves time on (POST /api/test/clock); never set in production, where it is refused.
      TEST_CLOCK: '1',
      // Every journey signs a new account up from this one address, dozens a minute on a fast run: the per-address
      // limit (10 a minute, tested in src/modules/accounts/account-security.test.ts) would refuse some of them.
      LOGIN_RATE_LIMIT_PER_MINUTE: '200',
    },
  },
});
