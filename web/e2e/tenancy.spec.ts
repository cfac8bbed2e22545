import { expect, screenshot, signIn, test } from './support/fixtures';

/** What Acme keeps to itself: its own course (organization visibility) and its people's labs. */
const ACME_COURSE = { id: 'course-acme-ir', title: 'Acme Incident Response Playbook', module: 'Triage at Acme' };
const NOT_FOUND = /We could not find this/;

test.describe('Tenancy', () => {
  test('a Globex trainee who opens Acme\'s course by URL sees the not-found message and nothing of the course', async ({ page }) => {
    await signIn(page, 'trainee@globex.test', `/courses/${ACME_COURSE.id}`);

    await expect(page).toHaveURL(new RegExp(`/courses/${ACME_COURSE.id}$`));
    await expect(page.getByText(NOT_FOUND)).toBeVisible();
    await expect(page.getByText(ACME_COURSE.title)).toHaveCount(0);
    await expect(page.getByText(ACME_COURSE.module)).toHaveCount(0);
    await expect(page.getByRole('button', { name: /enrol/i })).toHaveCount(0);
    await screenshot(page, 'tenancy-course-not-found');
  });

  test('Acme\'s course is not in the Globex trainee\'s catalog either', async ({ page }) => {
    await signIn(page, 'trainee@globex.test', '/catalog');

    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Linux Command Line for Defenders' })).toBeVisible();
    await expect(page.getByText(ACME_COURSE.title)).toHaveCount(0);
  });
});
