import { expect, screenshot, test } from './support/fixtures';
import { earnLinuxCertificate, LINUX } from './support/journeys';

/** Anyone — an employer, an auditor — checks a certificate's code without an account. */
test.describe('Public certificate verification', () => {
  let code: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // a real certificate: Greg (Globex) completes the Linux course through the graph
    code = await earnLinuxCertificate('trainee@globex.test');
  });

  test('a genuine code typed into the verification page shows the holder, the course and who issued it, without signing in', async ({ page }) => {
    await page.goto('/verify');

    await expect(page.getByRole('heading', { level: 1, name: 'Verify a certificate' })).toBeVisible();
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();

    const result = page.getByTestId('verification-result');
    await expect(result.getByRole('heading', { name: 'Valid certificate' })).toBeVisible();
    await expect(result).toContainText('Greg Trainee');
    await expect(result).toContainText(LINUX.title);
    await expect(result).toContainText('CyCube (a platform course)');
    await expect(page).toHaveURL(/\/verify\/.+/);
    await expect(page.getByTestId('signed-in-user'), 'nobody is signed in').toHaveCount(0);
    await screenshot(page, 'certificate-verification-valid');
  });

  test('the link a holder shares checks itself', async ({ page }) => {
    await page.goto(`/verify/${encodeURIComponent(code)}`);

    await expect(page.getByTestId('verification-result').getByRole('heading', { name: 'Valid certificate' })).toBeVisible();
    await expect(page.getByTestId('verification-result')).toContainText('Greg Trainee');
  });

  test('a forged code is not a valid certificate, and nothing of any certificate is shown', async ({ page }) => {
    const forged = code.slice(0, -2) + (code.endsWith('AA') ? 'BB' : 'AA');
    await page.goto(`/verify/${encodeURIComponent(forged)}`);

    const result = page.getByTestId('verification-result');
    await expect(result.getByRole('heading', { name: 'Not a valid certificate' })).toBeVisible();
    await expect(result).not.toContainText('Greg Trainee');
    await expect(result).not.toContainText(LINUX.title);
    await screenshot(page, 'certificate-verification-forged');
  });
});
