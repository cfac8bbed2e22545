import { expect, recordMetrics, screenshot, signIn, test } from './support/fixtures';
import { graph } from './support/graph';
import { LINUX } from './support/journeys';
import { markDocument, observed, progressValue, recordAttributeChanges, stillSameDocument } from './support/observe';

const TRAINEE = 'trainee@acme.test';
const PROGRESS = `Progress of ${LINUX.title}`;

/**
 * Adam (trainee@acme.test, fresh: the stack runs without demo learning) takes the Linux course from the catalog to a
 * running lab, in one browser, the way a person clicks through it.
 */
test.describe('The trainee journey', () => {
  test('a trainee enrolls, reads, answers the quiz, launches a lab that reaches RUNNING without a reload, and the progress bar moves', async ({ page }) => {
    test.setTimeout(240_000);

    await test.step('finds the course in the catalog and enrolls', async () => {
      await signIn(page, TRAINEE, '/catalog');
      await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
      await screenshot(page, 'catalog');
      await page.getByRole('link', { name: LINUX.title }).first().click();

      await expect(page.getByRole('heading', { level: 1, name: LINUX.title })).toBeVisible();
      await page.getByRole('button', { name: 'Enroll in this course' }).click();
      await expect(page.getByRole('progressbar', { name: PROGRESS })).toHaveAttribute('aria-valuenow', '0');
      await screenshot(page, 'course');
    });

    let afterReading = 0;
    await test.step('reads the first cube and marks it as read: the progress bar moves', async () => {
      await page.getByRole('link', { name: LINUX.readings[0].title, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: LINUX.readings[0].title })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Navigating the filesystem', exact: true })).toBeVisible(); // its text
      await page.getByRole('button', { name: 'Mark as read' }).click();

      await expect(page.getByText('Marked as read. Your progress was updated.')).toBeVisible();
      await expect.poll(() => progressValue(page, PROGRESS)).toBeGreaterThan(0);
      afterReading = await progressValue(page, PROGRESS);
      await screenshot(page, 'reading');
    });

    await test.step('answers the quiz right: it is passed and the progress bar moves again', async () => {
      await page.getByRole('link', { name: `Next: ${LINUX.quiz.title}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: LINUX.quiz.title })).toBeVisible();

      const first = page.getByRole('form', { name: 'Question 1' });
      await expect(first).toContainText(LINUX.quiz.pwd.prompt);
      await first.getByRole('radio', { name: LINUX.quiz.pwd.answer, exact: true }).check();
      await first.getByRole('button', { name: 'Submit answer' }).click();
      await expect(first.getByRole('status')).toHaveText(/^Correct/);

      const second = page.getByRole('form', { name: 'Question 2' });
      await expect(second).toContainText(LINUX.quiz.port.prompt);
      await second.getByLabel('Your answer (a number)').fill(String(LINUX.quiz.port.answer));
      await second.getByRole('button', { name: 'Submit answer' }).click();
      await expect(second.getByRole('status')).toHaveText(/^Correct/);

      await expect(page.getByTestId('quiz-summary')).toContainText('Passed');
      // assessment grades, training learns it by event and pushes the new progress (progressUpdated)
      await expect.poll(() => progressValue(page, PROGRESS), { timeout: 30_000 }).toBeGreaterThan(afterReading);
      await screenshot(page, 'quiz');
    });

    await test.step('launches the lab and sees it reach RUNNING without reloading', async () => {
      await page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: LINUX.title }).click();
      await page.getByRole('link', { name: LINUX.lab.title, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: LINUX.lab.title })).toBeVisible();
      await markDocument(page);
      await recordAttributeChanges(page, 'labState', '[data-testid="lab-state"]', 'data-state');

      await page.getByRole('button', { name: 'Launch lab' }).click();

      const state = page.getByTestId('lab-state');
      await expect(state).toBeVisible();
      await expect(state).toHaveAttribute('data-state', 'RUNNING', { timeout: 60_000 });
      await expect(state).toHaveText('Running');
      await expect(page.getByRole('link', { name: 'Open the lab (opens in a new tab)' })).toHaveAttribute('href', /^https?:\/\/.+/);
      await expect(page.getByTestId('lab-countdown')).toBeVisible();
      expect(await stillSameDocument(page), 'the page was not reloaded').toBe(true);
      await screenshot(page, 'lab-console');

      // the delay from each state change in the labs subgraph to the browser showing it
      const labLink = await page.getByRole('link', { name: 'Open the lab console on its own page' }).getAttribute('href');
      const labId = labLink!.split('/').pop()!;
      const lab = await graph<{ labInstance: { history: { to: string; at: string }[] } }>(TRAINEE,
        'query($id: ID!) { labInstance(id: $id) { history { to at } } }', { id: labId });
      const shown = await observed(page, 'labState');
      const delays = shown.map((rendered) => {
        const changed = [...lab.labInstance.history].reverse().find((transition) => transition.to === rendered.value);
        return { state: rendered.value, changedAt: changed?.at ?? null, renderedAt: new Date(rendered.at).toISOString(),
          delayMs: changed ? Math.round(rendered.at - Date.parse(changed.at)) : null };
      });
      recordMetrics('labStateToBrowser', {
        definition: 'lab history[].at (labs subgraph, when the state changed) → MutationObserver on the lab console\'s '
          + 'state (performance.timeOrigin + performance.now()); same machine, same clock. The first state shown comes '
          + 'with the launchLab answer, the later ones pushed by labUpdated (WebSocket through the router)',
        runningDelayMs: delays.find((delay) => delay.state === 'RUNNING')?.delayMs ?? null,
        states: delays,
      });
      expect(delays.find((delay) => delay.state === 'RUNNING')?.delayMs, 'RUNNING was pushed and timed').not.toBeNull();
    });

    await test.step('the dashboard shows the course with its progress', async () => {
      await page.getByRole('link', { name: 'My training' }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'My training' })).toBeVisible();
      const card = page.getByTestId('enrollments').getByRole('listitem').filter({ hasText: LINUX.title });
      await expect(card.getByRole('progressbar', { name: PROGRESS })).not.toHaveAttribute('aria-valuenow', '0');
      await screenshot(page, 'dashboard');
    });
  });
});
