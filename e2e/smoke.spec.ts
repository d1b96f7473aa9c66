import { expect, test } from '@playwright/test';

test('the served kiosk app loads and asks to be set up', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up this kiosk' })).toBeVisible();
});

test('the health endpoint answers', async ({ request }) => {
  const response = await request.get('/api/v1/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok' });
});
