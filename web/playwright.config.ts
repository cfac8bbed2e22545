import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * The browser tests: Playwright Test driving Debian's Chromium (browser downloads do not work on our machines, so
 * `bin/ensure-chromium` finds or installs the system one) against the real local stack. Global setup starts a stack of
 * its own on random ports (`up --in-memory --random-ports --no-demo --addresses-file=...`), or uses a running one when
 * CYCUBE_CONSOLE_URL is set (see e2e/README.md).
 */
const webRoot = fileURLToPath(new URL('.', import.meta.url));

function chromiumPath(): string {
  if (!process.env.CHROMIUM_PATH) {
    // once per run: the workers inherit the variable
    process.env.CHROMIUM_PATH = execFileSync(`${webRoot}bin/ensure-chromium`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  }
  return process.env.CHROMIUM_PATH;
}

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: './target/playwright',
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  // one stack, one browser at a time: 2 cores run Keycloak, eight subgraphs and the router already
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { outputFolder: './target/playwright-report', open: 'never' }]],
  use: {
    // the console's URL comes from the stack global setup started (fixture `baseURL` in e2e/support/fixtures.ts)
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath(),
          headless: true,
          // what this machine needs (its network is closed: no background connections to Google's hosts)
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
    },
  ],
});
