import { defineConfig } from '@playwright/test';
import { BASE_URL, PORT } from './e2e/support/env';

/**
 * End-to-end tests of the web client against a real server on a fresh SQLite database, in the
 * system's Debian Chromium (no browser download). `webServer` builds the client, then starts
 * e2e/server.ts. The first-start spec (the initial system admin's first login) runs before the specs
 * that need staff accounts.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
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
  projects: [
    { name: 'first-start', testMatch: /first-start\.spec\.ts$/ },
    { name: 'public', testMatch: /(register|directory|i18n|a11y|session|csp)\.spec\.ts$/ },
    {
      name: 'staff',
      testMatch:
        /(district|audit|stations|registry|hall|challenge-poster|challenge-review|agreements|taking|followup|results|organiser)\.spec\.ts$/,
      dependencies: ['first-start'],
    },
  ],
  webServer: {
    command: 'npx vite build --logLevel warn && npx tsx e2e/server.ts',
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(PORT) },
  },
});
