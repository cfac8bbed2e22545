import type { Page } from '@playwright/test';
import { expect, newPerson, recordMetrics, screenshot, signIn, test } from './support/fixtures';
import { eventually, graph } from './support/graph';
import { PHISHING } from './support/journeys';
import { markDocument, observed, recordAttributeChanges, stillSameDocument } from './support/observe';

const TRAINEE = 'trainee@acme.test';
const MANAGER = 'manager@acme.test';
/** The manager's progress bar of Adam in the phishing course (its accessible name names both). */
const ADAMS_PHISHING = new RegExp(`(Adam Trainee.*${PHISHING.title})|(${PHISHING.title}.*Adam Trainee)`);

async function valueNow(page: Page): Promise<number> {
  return Number(await page.getByRole('progressbar', { name: ADAMS_PHISHING }).getAttribute('aria-valuenow'));
}

test.describe('Live progress', () => {
  test('a manager on the team progress screen sees a trainee\'s progress move, without reloading, while the trainee completes a cube', async ({ page, browser }) => {
    test.setTimeout(180_000);
    // Adam is enrolled in the phishing course (through the graph: this spec is about the manager's screen)
    const enrolled = await graph<{ enroll: { enrollments: { id: string }[] } }>(TRAINEE,
      'mutation($i: EnrollInput!) { enroll(input: $i) { enrollments { id } } }', { i: { courseId: PHISHING.id } });
    const enrollmentId = enrolled.enroll.enrollments[0].id;

    // the manager, in this browser
    await signIn(page, MANAGER, '/team');
    await expect(page.getByRole('heading', { level: 1, name: 'Team progress' })).toBeVisible();
    const adamsBar = page.getByRole('progressbar', { name: ADAMS_PHISHING });
    await expect(adamsBar).toBeVisible();
    const before = await valueNow(page);
    await markDocument(page);

    // subscriptions start asynchronously (browser → router → training): a harmless change (a second of study time)
    // until the screen says it received a push, so the change below cannot be missed
    const liveStatus = page.getByTestId('live-status');
    const idle = (await liveStatus.textContent())?.trim();
    await eventually('the team screen receives pushes', async () => {
      await graph(TRAINEE, 'mutation($i: RecordStudyTimeInput!) { recordStudyTime(input: $i) { enrollment { id } } }',
        { i: { enrollmentId, seconds: 1 } });
      await page.waitForTimeout(1000);
      return (await liveStatus.textContent())?.trim() !== idle ? true : undefined;
    }, 45_000);
    await recordAttributeChanges(page, 'adamsProgress',
      `[role="progressbar"][aria-label*="Adam Trainee"][aria-label*="${PHISHING.title}"]`, 'aria-valuenow');

    // the trainee, in a second browser: reads the first cube of the course and marks it as read
    const trainee = await newPerson(browser);
    try {
      await signIn(trainee.page, TRAINEE, `/courses/${PHISHING.id}/cubes/${PHISHING.firstReading.id}`);
      await expect(trainee.page.getByRole('heading', { level: 1, name: PHISHING.firstReading.title })).toBeVisible();
      const clicked = Date.now();
      await trainee.page.getByRole('button', { name: 'Mark as read' }).click();
      await expect(trainee.page.getByText('Marked as read. Your progress was updated.')).toBeVisible();

      // the manager's screen moves by itself
      await expect.poll(() => valueNow(page), { timeout: 30_000 }).toBeGreaterThan(before);
      expect(await stillSameDocument(page), 'the manager\'s page was not reloaded').toBe(true);
      await screenshot(page, 'team-progress');

      const changes = (await observed(page, 'adamsProgress')).filter((change) => change.at >= clicked);
      recordMetrics('progressToManager', {
        definition: 'the trainee\'s click on "Mark as read" (test clock) → the manager\'s progress bar re-rendered '
          + '(MutationObserver on aria-valuenow; same machine)',
        delayMs: changes.length ? Math.round(changes[0].at - clicked) : null,
      });
      expect(trainee.cspViolations).toEqual([]);
    } finally {
      await trainee.context.close();
    }
  });
});
