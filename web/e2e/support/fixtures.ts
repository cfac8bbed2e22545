import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { consoleUrl, issuer, PASSWORD } from './graph';
import { METRICS_FILE, SCREENSHOTS } from './paths';

export { expect };

/** The shape of an encoded JWT (header.payload.signature, base64url; a JSON header always starts with eyJ). */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/;

interface ConsoleFixtures {
  /** Content-Security-Policy violations reported on the console's pages during the test: must stay empty. */
  cspViolations: string[];
}

/**
 * Every spec's `test`: the console's URL as baseURL, and a check after each test that the console's pages reported no
 * Content-Security-Policy violation (the policy the stack serves is the one production is meant to use).
 */
export const test = base.extend<ConsoleFixtures>({
  baseURL: async ({}, use) => {
    await use(consoleUrl());
  },
  cspViolations: [
    async ({ context }, use) => {
      const violations = watchContentSecurityPolicy(context);
      await use(violations);
      expect(violations, 'Content-Security-Policy violations on the console').toEqual([]);
    },
    { auto: true },
  ],
});

/** Collects the console's Content-Security-Policy violations (Chromium reports them as console errors). */
export function watchContentSecurityPolicy(context: BrowserContext): string[] {
  const violations: string[] = [];
  context.on('console', (message) => {
    const page = message.page()?.url() ?? '';
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()) && page.startsWith(consoleUrl())) {
      violations.push(`${page}: ${message.text()}`);
    }
  });
  return violations;
}

/** A second browser (another person, own cookies and storage) with the same settings and checks as `page`. */
export async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page; cspViolations: string[] }> {
  const context = await browser.newContext({ baseURL: consoleUrl(), locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
  const cspViolations = watchContentSecurityPolicy(context);
  return { context, page: await context.newPage(), cspViolations };
}

/**
 * Signs in as a seed user the way a person does: opens the console (at `path`), is sent to Keycloak's sign-in page,
 * types the e-mail address and password there and is sent back, signed in, to `path`.
 */
export async function signIn(page: Page, email: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.waitForURL((url) => url.href.startsWith(issuer()), { timeout: 30_000 });
  await expect(page.locator('#username')).toBeVisible();
  await page.locator('#username').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.href.startsWith(consoleUrl()) && !url.pathname.startsWith('/callback'), { timeout: 30_000 });
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

/**
 * Signs out through the header's button: Keycloak ends its session and sends the browser back to the console, which
 * sends a visitor who is not signed in to Keycloak's sign-in page — where this returns.
 */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${issuer()}/protocol/openid-connect/auth`), { timeout: 30_000 });
  await page.waitForLoadState();
}

/** Keys of localStorage and sessionStorage whose value holds anything shaped like a JWT. */
export async function storedTokens(page: Page): Promise<string[]> {
  const stored = await page.evaluate(() => {
    const entries: [string, string][] = [];
    for (const [area, storage] of [['localStorage', window.localStorage], ['sessionStorage', window.sessionStorage]] as const) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)!;
        entries.push([`${area}.${key}`, storage.getItem(key) ?? '']);
      }
    }
    return entries;
  });
  return stored.filter(([, value]) => JWT.test(value)).map(([key]) => key);
}

/** Saves a full-page screenshot of a main screen to web/target/screenshots/<name>.png (and attaches it). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = resolve(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/**
 * axe-core on the page as it is now, against WCAG 2 A and AA: fails on any serious or critical violation, and
 * attaches the full result (the minor and moderate findings included) to the report.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  await test.info().attach(`axe-${screen}.json`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact}: ${violation.id} — ${violation.help} (${violation.nodes.length}×: `
      + `${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')})`);
  expect(blocking, `serious or critical accessibility violations on ${screen}`).toEqual([]);
}

/** Adds measurements to web/target/browser-metrics.json (kept across the specs of one run) and prints them. */
export function recordMetrics(section: string, values: Record<string, unknown>): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(METRICS_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    // first measurement of this run
  }
  all[section] = values;
  mkdirSync(resolve(METRICS_FILE, '..'), { recursive: true });
  writeFileSync(METRICS_FILE, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`[metrics] ${section}: ${JSON.stringify(values)}`);
}
