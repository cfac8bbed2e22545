import type { Page } from '@playwright/test';
import { expect, expectAccessible, newPerson, screenshot, signIn, test } from './support/fixtures';
import { enroll } from './support/graph';
import { runningLab, WEBAPP } from './support/journeys';

/**
 * axe-core (WCAG 2 A and AA) on every main screen, as the people who use them see them: no serious or critical
 * violation. The trainee's screens show Adam in the web-application course (enrolled, a lab running) — a course the
 * other specs leave alone; the manager's show Alice's organization.
 */
const TRAINEE = 'trainee@acme.test';
const MANAGER = 'manager@acme.test';

interface Screen {
  name: string;
  path: () => string;
  /** the page's one h1, when it is known (otherwise: any h1) */
  heading?: string;
}

/** Opens a screen (a new document: the console signs in again by Keycloak's session) and waits until it settled. */
async function open(page: Page, screen: Screen): Promise<void> {
  await page.goto(screen.path());
  await page.waitForURL((url) => url.pathname === new URL(screen.path(), 'http://x').pathname);
  const heading = page.getByRole('heading', { level: 1, ...(screen.heading ? { name: screen.heading } : {}) });
  await expect(heading).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('Loading…')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 }), 'one h1 per page').toHaveCount(1);
}

function screensOf(role: string, email: string, screens: Screen[], setUp: () => Promise<void> = async () => {}) {
  test.describe(`Accessibility of the ${role}'s screens`, () => {
    let person: Awaited<ReturnType<typeof newPerson>>;

    test.beforeAll(async ({ browser }) => {
      test.setTimeout(120_000);
      await setUp();
      person = await newPerson(browser);
      await signIn(person.page, email);
    });
    test.afterAll(async () => {
      await person?.context.close();
    });
    test.afterEach(() => {
      expect(person.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    });

    for (const screen of screens) {
      test(`${screen.name}: no serious or critical violation`, async () => {
        await open(person.page, screen);
        await screenshot(person.page, screen.name);
        await expectAccessible(person.page, screen.name);
      });
    }
  });
}

let labId = '';

screensOf('trainee', TRAINEE, [
  { name: 'dashboard', path: () => '/', heading: 'My training' },
  { name: 'catalog', path: () => '/catalog', heading: 'Catalog' },
  { name: 'course', path: () => `/courses/${WEBAPP.id}`, heading: WEBAPP.title },
  { name: 'reading', path: () => `/courses/${WEBAPP.id}/cubes/${WEBAPP.reading.id}`, heading: WEBAPP.reading.title },
  { name: 'quiz', path: () => `/courses/${WEBAPP.id}/cubes/${WEBAPP.quiz.id}`, heading: WEBAPP.quiz.title },
  { name: 'lab-console', path: () => `/labs/${labId}`, heading: 'Lab console' },
  { name: 'certificates', path: () => '/certificates', heading: 'Certificates' },
  { name: 'notifications', path: () => '/notifications', heading: 'Notifications' },
  { name: 'notification-settings', path: () => '/settings/notifications', heading: 'Notification settings' },
], async () => {
  await enroll(TRAINEE, WEBAPP.id);
  labId = await runningLab(TRAINEE, WEBAPP.lab.id);
});

screensOf('manager', MANAGER, [
  { name: 'team-progress', path: () => '/team', heading: 'Team progress' },
  { name: 'analytics', path: () => '/analytics', heading: 'Analytics' },
  { name: 'audit-log', path: () => '/audit', heading: 'Audit log' },
  { name: 'webhooks', path: () => '/settings/webhooks', heading: 'Webhooks' },
  { name: 'members', path: () => '/members', heading: 'Members' },
  { name: 'assign-training', path: () => '/assign', heading: 'Assign training' },
]);

test.describe('Accessibility of the public screen', () => {
  test('certificate verification: no serious or critical violation', async ({ page }) => {
    await open(page, { name: 'verify', path: () => '/verify', heading: 'Verify a certificate' });
    await screenshot(page, 'verify');
    await expectAccessible(page, 'verify');
  });
});

test.describe('Keyboard', () => {
  test('the first Tab reaches the skip link, and it moves the focus to the page\'s content', async ({ page }) => {
    await signIn(page, TRAINEE);
    await expect(page.getByRole('heading', { level: 1, name: 'My training' })).toBeVisible();
    // the dashboard's data has arrived (while it loads, the content has nothing to focus yet)
    await expect(page.locator('main a, main button').first()).toBeVisible();

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.locator('main#main')).toBeFocused();
    await page.keyboard.press('Tab');
    const focusedInMain = await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false);
    expect(focusedInMain, 'the next Tab stays in the content').toBe(true);
  });

  test('every link of the main navigation is reached by Tab, in order', async ({ page }) => {
    await signIn(page, MANAGER);
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(navigation.getByRole('link', { name: 'Team progress' })).toBeVisible();
    const links = (await navigation.getByRole('link').allTextContents()).map((text) => text.trim());
    expect(links.length).toBeGreaterThan(3);

    const reached: string[] = [];
    for (let press = 0; press < links.length + 10 && reached.length < links.length; press++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement;
        return element?.closest('nav') ? (element.textContent ?? '').trim() : null;
      });
      if (focused !== null) reached.push(focused);
    }
    expect(reached).toEqual(links);
    // and Enter follows the focused (last) link
    const last = await navigation.getByRole('link').last().getAttribute('href');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === last);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});
