import { expect, screenshot, signIn, signOut, storedTokens, test } from './support/fixtures';
import { issuer } from './support/graph';

test.describe('Signing in', () => {
  test('a trainee signs in on Keycloak\'s page and lands on "My training" with their name', async ({ page }) => {
    await signIn(page, 'trainee@acme.test');

    await expect(page.getByRole('heading', { level: 1, name: 'My training' })).toBeVisible();
    await expect(page.getByText('Welcome back, Adam Trainee')).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Adam Trainee');
    await expect(page).toHaveTitle(/My training/);
    await screenshot(page, 'dashboard-signed-in');
  });

  test('no token is kept in localStorage or sessionStorage', async ({ page }) => {
    await signIn(page, 'trainee@acme.test');
    await expect(page.getByRole('heading', { level: 1, name: 'My training' })).toBeVisible();

    expect(await storedTokens(page), 'storage entries holding a JWT').toEqual([]);
  });

  test('a reload signs in again through Keycloak\'s session, without the password', async ({ page }) => {
    await signIn(page, 'trainee@acme.test');

    await page.reload();

    await expect(page.getByRole('heading', { level: 1, name: 'My training' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveText('Adam Trainee');
    expect(await storedTokens(page)).toEqual([]);
  });

  test('signing out ends the session: opening the console again asks for the password', async ({ page }) => {
    await signIn(page, 'trainee@acme.test');

    await signOut(page);
    await expect(page.locator('#password'), 'Keycloak asks for the password again').toBeVisible();

    await page.goto('/');
    await page.waitForURL((url) => url.href.startsWith(issuer()));
    await expect(page.locator('#password'), 'still, when the console is opened again').toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  });
});
