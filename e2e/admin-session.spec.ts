import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AdminPage } from './pages/admin-page';

test('an operator signs in with the admin token and signs out again', async ({ page }) => {
  const admin = new AdminPage(page);
  await admin.goto();
  await expect(page.getByText(/DEMO MODE/)).toBeVisible();

  await page.getByLabel('Admin token').fill('not-the-admin-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('That is not the admin token.');

  await admin.signIn();
  await expect(page.getByRole('heading', { level: 2, name: 'Needs attention' })).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'kiosk_admin_session')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
  });

  await page.reload();
  await expect(admin.sections()).toBeVisible();

  await admin.signOut();
  await page.reload();
  await expect(page.getByLabel('Admin token')).toBeVisible();
  expect((await page.request.get('/api/v1/admin/kenjo')).status()).toBe(401);
});

test('a change without the CSRF token is refused even with the session cookie', async ({ page }) => {
  const admin = new AdminPage(page);
  await admin.goto();
  await admin.signIn();
  const response = await page.request.post('/api/v1/admin/kiosks', { data: { name: 'Forged' } });
  expect(response.status()).toBe(403);
});

test('the console speaks the five languages', async ({ page }) => {
  const admin = new AdminPage(page);
  await admin.goto();
  const expected = { de: 'Anmelden', es: 'Iniciar sesión', fr: 'Connexion', nl: 'Aanmelden', en: 'Sign in' };
  for (const [code, heading] of Object.entries(expected)) {
    await page.getByLabel(/^(Language|Sprache|Idioma|Langue|Taal)/).selectOption(code);
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', code);
  }
});

test('the sign-in screen has no accessibility violations', async ({ page }) => {
  await new AdminPage(page).goto();
  await expect(page.getByLabel('Admin token')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
