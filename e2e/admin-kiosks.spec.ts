import { expect, test } from '@playwright/test';
import { ADMIN_TOKEN, AdminPage, KioskClient } from './pages/admin-page';

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

test('a revoked kiosk is re-paired with a new code, or deleted while its punches stay', async ({
  page,
  request,
}) => {
  const admin = new AdminPage(page);
  await admin.goto();
  await admin.signIn();
  const first = await KioskClient.pair(request, await admin.addKiosk('Back door'));
  expect((await first.punch({ externalId: 'B-1022' }, new Date(Date.now() - 60_000))).status).toBe(200);
  await admin.revokeKiosk('Back door');

  await admin.kioskRow('Back door').getByRole('button', { name: 'Re-pair with a new code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pair a tablet with Back door' });
  const code = ((await dialog.getByTestId('pairing-code').textContent()) ?? '').trim();
  await dialog.getByRole('button', { name: 'Close' }).click();
  const again = await KioskClient.pair(request, code);
  // The tablet paired behind the console's back: the list shows it at its next poll (every 5 s).
  await expect(admin.kioskRow('Back door')).toContainText('Active', { timeout: 15_000 });
  expect((await again.punch({ externalId: 'B-1023' }, new Date(Date.now() - 30_000))).status).toBe(200);
  expect((await first.punch({ externalId: 'B-1024' }, new Date(Date.now() - 20_000))).status).toBe(401);

  await admin.revokeKiosk('Back door');
  await admin.kioskRow('Back door').getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete' });
  await expect(confirm).toContainText('Its punches stay');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(admin.kioskRow('Back door')).toHaveCount(0);
  const listed = await request.get('/api/v1/admin/punches', {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    params: { employee: 'B-1023' },
  });
  expect(((await listed.json()) as { punches: unknown[] }).punches).toHaveLength(1);
});
