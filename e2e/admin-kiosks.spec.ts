import { expect, test } from '@playwright/test';
import { AdminPage, KioskClient } from './pages/admin-page';

test('a kiosk added in the console pairs, sends, and is refused once revoked', async ({ page, request }) => {
  const admin = new AdminPage(page);
  await admin.goto();
  await admin.signIn();
  const code = await admin.addKiosk('Loading dock');
  expect(code).not.toBe('');
  await expect(admin.kioskRow('Loading dock')).toContainText('Europe/Berlin');
  await expect(admin.kioskRow('Loading dock')).toContainText('Never');

  const kiosk = await KioskClient.pair(request, code);
  expect((await kiosk.punch({ externalId: 'B-1020' }, new Date(Date.now() - 60_000))).status).toBe(200);

  await admin.revokeKiosk('Loading dock');
  expect((await kiosk.punch({ externalId: 'B-1021' }, new Date(Date.now() - 30_000))).status).toBe(401);
});

test('a kiosk is renamed and moved to another zone', async ({ page }) => {
  const admin = new AdminPage(page);
  await admin.goto();
  await admin.signIn();
  await admin.addKiosk('Side door');
  await admin.kioskRow('Side door').getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit kiosk Side door' });
  await dialog.getByLabel('Name').fill('Side entrance');
  await dialog.getByLabel('Time zone').fill('Europe/Madrid');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(admin.kioskRow('Side entrance')).toContainText('Europe/Madrid');
});
