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

test('opening hours are set in the edit dialog, shown again when it reopens, and cleared', async ({
  page,
  request,
}) => {
  const admin = await AdminPage.signedIn(page);
  await admin.addKiosk('Front desk');
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const kiosks = (await (await request.get('/api/v1/admin/kiosks', { headers: auth })).json()) as {
    kiosks: Array<{ id: string; name: string }>;
  };
  const id = kiosks.kiosks.find((k) => k.name === 'Front desk')?.id;
  const stored = async () =>
    (
      (await (await request.get(`/api/v1/admin/kiosks/${id}/opening-hours`, { headers: auth })).json()) as {
        openingHours: unknown;
      }
    ).openingHours;
  expect(await stored()).toBeNull();

  const edit = async () => {
    await admin.kioskRow('Front desk').getByRole('button', { name: 'Edit' }).click();
    return page.getByRole('dialog', { name: 'Edit kiosk Front desk' });
  };
  let dialog = await edit();
  const watch = dialog.getByRole('checkbox', {
    name: 'Alert when this kiosk is silent during its opening hours',
  });
  await expect(watch).not.toBeChecked();
  await watch.check();
  // Ticking "watch" offers working days, 07:00 to 18:00; the operator makes it Monday to Thursday and Saturday.
  await expect(dialog.getByRole('checkbox', { name: 'Fri' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Fri' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Sat' }).check();
  await dialog.getByLabel('Opens at').fill('06:30');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(await stored()).toEqual({ days: [1, 2, 3, 4, 6], from: '06:30', to: '18:00' });

  dialog = await edit();
  await expect(
    dialog.getByRole('checkbox', { name: 'Alert when this kiosk is silent during its opening hours' }),
  ).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Fri' })).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Sat' })).toBeChecked();
  await expect(dialog.getByLabel('Opens at')).toHaveValue('06:30');
  await expect(dialog.getByLabel('Closes at')).toHaveValue('18:00');
  await dialog
    .getByRole('checkbox', { name: 'Alert when this kiosk is silent during its opening hours' })
    .uncheck();
  await expect(dialog.getByLabel('Opens at')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(await stored()).toBeNull();
});
