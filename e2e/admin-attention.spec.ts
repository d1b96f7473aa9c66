import { expect, test, type APIRequestContext } from '@playwright/test';
import { AdminPage, berlinWallTime, KioskClient } from './pages/admin-page';
import {
  createKiosk,
  kenjoIdOf,
  ledgerPunches,
  setKenjoEmployeeActive,
  simulatorLog,
} from './support/kiosk-server';

/** Kenjo's applied calls for these demo employees, as `employee at dateTime`, in the order applied. */
async function deliveriesFor(request: APIRequestContext, badges: readonly string[]): Promise<string[]> {
  const byId = new Map(badges.map((badge) => [kenjoIdOf(badge), badge]));
  return (await simulatorLog(request))
    .filter((entry) => byId.has(entry.employeeId))
    .map((entry) => `${byId.get(entry.employeeId)} at ${entry.dateTime}`);
}

test('a punch Kenjo refuses fails in the console, is reassigned, and reaches Kenjo once for the new employee', async ({
  page,
  request,
}) => {
  // Kenjo itself no longer takes B-1250; the proxy's cached directory still lists them as active.
  const [former, taker] = ['B-1250', 'B-1251'];
  const created = await createKiosk(request, 'Attention door');
  const kiosk = await KioskClient.pair(request, created.pairingCode);
  const at = new Date(Date.now() - 20 * 60_000);
  const dateTime = berlinWallTime(at);
  await setKenjoEmployeeActive(request, former, false);
  try {
    expect(await kiosk.punch({ externalId: former }, at)).toMatchObject({ status: 200, result: 'accepted' });

    const admin = new AdminPage(page);
    await admin.goto();
    await admin.signIn();
    const item = admin.attentionItem(`badge ${former}`);
    await expect(item).toBeVisible({ timeout: 30_000 });
    await expect(item).toContainText('Failed');
    await expect(item).toContainText('Employee not found');

    await admin.reassign(item, taker, `Badge ${former} was lent to ${taker}`);
    await expect(item).toBeHidden({ timeout: 15_000 });
    const audit = page.getByRole('region', { name: 'Recent operator actions' });
    await expect(audit.getByRole('row').filter({ hasText: 'Punch sent for another employee' })).toContainText(
      `Badge ${former} was lent to ${taker}`,
    );

    await admin.open('Punches');
    await page.getByLabel('Employee (name, email, badge or Kenjo id)').fill(taker);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('row').filter({ hasText: `badge ${taker}` })).toContainText('Sent', {
      timeout: 30_000,
    });
    // "Sent" is recorded only after Kenjo applied the call, so the log is complete here: read it once.
    expect(await deliveriesFor(request, [former, taker])).toEqual([`${taker} at ${dateTime}`]);
  } finally {
    await setKenjoEmployeeActive(request, former, true);
  }
});

test('a badge the directory knows as inactive is refused at ingest, and reaches Kenjo once reassigned', async ({
  page,
  request,
}) => {
  // B-1300 is the demo company's deactivated employee, in Kenjo and in the proxy's directory alike.
  const [inactive, taker] = ['B-1300', 'B-1252'];
  const created = await createKiosk(request, 'Inactive badge door');
  const kiosk = await KioskClient.pair(request, created.pairingCode);
  const at = new Date(Date.now() - 25 * 60_000);
  expect(await kiosk.punch({ externalId: inactive }, at)).toMatchObject({ status: 200, result: 'rejected' });

  const admin = new AdminPage(page);
  await admin.goto();
  await admin.signIn();
  const item = admin.attentionItem(`badge ${inactive}`).filter({ hasText: 'Inactive badge door' });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(item).toContainText('Rejected');
  await admin.reassign(item, taker, `Badge ${inactive} was handed on to ${taker}`);
  await expect(item).toBeHidden({ timeout: 15_000 });

  await expect
    .poll(async () => (await ledgerPunches(request, created.id)).map((p) => p.status), { timeout: 30_000 })
    .toEqual(['sent']);
  expect(await deliveriesFor(request, [inactive, taker])).toEqual([`${taker} at ${berlinWallTime(at)}`]);
});
