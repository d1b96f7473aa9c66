/**
 * The kiosk's settings behind a PIN, in English and German, at 390 and 1280 px: the operator sets the PIN on the
 * console's Kiosks page; it opens the settings on the device (offline too), a wrong one does not, they lock again
 * when closed, unpairing sits behind them, and the person at the door still picks a language for their own punch.
 * The spec has its own server, so its PIN locks no other spec's kiosks.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RunningServer } from '../server/start-server';
import { E2E_ADMIN_TOKEN } from './support/admin-token';
import { expectNoAxeViolations } from './support/axe';
import { startFreshServer } from './support/fresh-server';
import { CONSOLE_WORDS } from './support/console-words';
import { KIOSK_WORDS } from './support/kiosk-words';
import { KioskPage, pickOtherPunchLanguage } from './pages/kiosk-page';

const PIN = '2468';
const admin = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` };

let server: RunningServer;
test.beforeAll(async () => {
  server = await startFreshServer('settings-pin');
});
test.afterAll(async () => {
  await server.close();
});

/** An operator sets the PIN on the console's Kiosks page. */
async function setPinInConsole(page: Page, language: 'en' | 'de'): Promise<void> {
  const words = CONSOLE_WORDS[language];
  await page.goto(`${server.url}/admin/`);
  await page.getByLabel(words.token).fill(E2E_ADMIN_TOKEN);
  await page.getByRole('button', { name: words.signIn }).click();
  await page
    .getByRole('navigation', { name: words.sections })
    .getByRole('link', { name: words.kiosks })
    .click();
  const card = page.getByRole('region', { name: words.pinTitle });
  await card.getByLabel(/PIN$/).fill(PIN);
  await card.getByRole('button', { name: words.pinSave }).click();
  await expect(card.getByRole('status')).toHaveText(words.pinIsSet);
  await expectNoAxeViolations(page);
}

async function pairNewKiosk(page: Page, name: string, prompt: string): Promise<void> {
  const created = await page.request.post(`${server.url}/api/v1/admin/kiosks`, {
    headers: admin,
    data: { name },
  });
  const { pairingCode } = (await created.json()) as { pairingCode: string };
  const config = page.waitForResponse((r) => r.url().endsWith('/api/v1/kiosk/config') && r.ok());
  await page.goto(`${server.url}/#pair=${pairingCode}`);
  await expect(page.getByRole('heading', { level: 1, name: prompt })).toBeVisible();
  await config;
}

const CASES = [
  { language: 'en', width: 390, badge: 'B-1190' },
  { language: 'en', width: 1280, badge: 'B-1191' },
  { language: 'de', width: 390, badge: 'B-1192' },
  { language: 'de', width: 1280, badge: 'B-1193' },
] as const;

for (const { language, width, badge } of CASES) {
  const words = KIOSK_WORDS[language];
  test.describe(`${language}, ${width} px`, () => {
    test.use({ locale: words.locale, viewport: { width, height: width < 500 ? 844 : 800 } });

    test('the settings open with the PIN only, offline too, lock again, and guard unpairing', async ({
      page,
    }) => {
      await setPinInConsole(page, language);
      await pairNewKiosk(page, `PIN ${language} ${width}`, words.prompt);
      const settings = page.locator('summary', { hasText: words.settings });
      const pin = page.getByLabel(words.settingsPin);
      const defaultLanguage = page.getByLabel(words.defaultLanguage);

      await settings.click();
      await expect(pin).toBeVisible();
      await expect(defaultLanguage).toBeHidden();
      await expectNoAxeViolations(page);

      await page.context().setOffline(true);
      await pin.fill('1111');
      await page.getByRole('button', { name: words.unlock }).click();
      await expect(page.getByRole('alert')).toHaveText(words.wrongPin);
      await expect(defaultLanguage).toBeHidden();
      await pin.fill(PIN);
      await page.getByRole('button', { name: words.unlock }).click();
      await expect(defaultLanguage).toBeVisible();
      await expect(page.getByRole('button', { name: words.unpair })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.context().setOffline(false);

      // Closed, they are locked again.
      await settings.click();
      await settings.click();
      await expect(pin).toBeVisible();
      await expect(defaultLanguage).toBeHidden();
      await settings.click();

      // The person at the door still reads their own punch in their language; the kiosk returns to its default.
      const other = await pickOtherPunchLanguage(page, language);
      await new KioskPage(page).scanBadge(badge);
      const feedback = page.getByRole('main').getByRole('status');
      await expect(feedback.locator('.feedback-title')).toContainText(other.welcome);
      await feedback.locator('.feedback').click();
      await expect(page.getByRole('heading', { level: 1, name: words.prompt })).toBeVisible();

      // Unpairing, behind the PIN, leads back to the setup screen.
      await settings.click();
      await pin.fill(PIN);
      await page.getByRole('button', { name: words.unlock }).click();
      await page.getByRole('button', { name: words.unpair }).click();
      await page
        .getByRole('group', { name: words.unpair })
        .getByRole('button', { name: words.unpair })
        .click();
      await expect(page.getByRole('heading', { name: words.setupHeading })).toBeVisible();
      await page.reload();
      await expect(page.getByRole('heading', { name: words.setupHeading })).toBeVisible();
    });
  });
}
