/**
 * Reasons the server gives reach the console as codes and read in its language, English and German, at 390 and
 * 1280 px: a double scan ("already recorded at …"), a badge Kenjo does not know, and the overnight decision of a
 * delivered punch. Axe-checked.
 */
import { expect, test, type Page } from '@playwright/test';
import { KioskClient } from './pages/admin-page';
import { expectNoAxeViolations } from './support/axe';
import { E2E_ADMIN_TOKEN } from './support/admin-token';
import { CONSOLE_WORDS, type ConsoleLanguage } from './support/console-words';

const SAYS = {
  en: {
    already: (time: string) => `Already recorded at ${time}`,
    unknown: (badge: string) => `Unknown employee: badge ${badge} is not in Kenjo`,
    noOpenEntry: 'No open entry on',
  },
  de: {
    already: (time: string) => `Bereits um ${time} erfasst`,
    unknown: (badge: string) => `Unbekannter Mitarbeiter: Badge ${badge} ist nicht in Kenjo`,
    noOpenEntry: 'Kein offener Eintrag am',
  },
} as const;

async function showPunchesOf(page: Page, language: ConsoleLanguage, identifier: string): Promise<void> {
  const words = CONSOLE_WORDS[language];
  await page.goto('/admin/');
  await page.getByLabel(words.token).fill(E2E_ADMIN_TOKEN);
  await page.getByRole('button', { name: words.signIn }).click();
  await page
    .getByRole('navigation', { name: words.sections })
    .getByRole('link', { name: words.punches })
    .click();
  await page.getByLabel(words.search).fill(identifier);
  await page.getByRole('button', { name: words.apply }).click();
}

const CASES = [
  { language: 'en', width: 390, badge: 'B-1195' },
  { language: 'en', width: 1280, badge: 'B-1196' },
  { language: 'de', width: 390, badge: 'B-1197' },
  { language: 'de', width: 1280, badge: 'B-1198' },
] as const;

for (const { language, width, badge } of CASES) {
  const words = CONSOLE_WORDS[language];
  const says = SAYS[language];
  test.describe(`${language}, ${width} px`, () => {
    test.use({ locale: words.locale, viewport: { width, height: 800 } });

    test('the server’s reasons read in the console’s language', async ({ page, request }) => {
      const kiosk = await KioskClient.create(request, `Reasons ${language} ${width}`);
      // A morning of yesterday: in the server's past, and before 18:00, so its overnight decision reads the same
      // whenever the test runs.
      const first = new Date(
        `${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T08:01:00+01:00`,
      );
      expect((await kiosk.punch({ externalId: badge }, first)).result).toBe('accepted');
      expect((await kiosk.punch({ externalId: badge }, new Date(first.getTime() + 20_000))).result).toBe(
        'accepted',
      );
      const stranger = `X-${language}-${width}`;
      expect((await kiosk.punch({ externalId: stranger }, first)).result).toBe('rejected');

      await showPunchesOf(page, language, badge);
      const rows = page.getByRole('row').filter({ hasText: badge });
      await expect(rows).toHaveCount(2);
      // The console's language, as the browser names it (`en-GB` → `en`), writes the kiosk's wall-clock time.
      const time = new Intl.DateTimeFormat(language, {
        timeStyle: 'short',
        timeZone: 'Europe/Berlin',
      }).format(first);
      await expect(rows.nth(0)).toContainText(says.already(time));
      // The kept punch is sent, with the overnight decision said in words of this language.
      await expect(rows.nth(1)).toContainText(says.noOpenEntry, { timeout: 15_000 });
      await expectNoAxeViolations(page);

      await page.getByLabel(words.search).fill(stranger);
      await page.getByRole('button', { name: words.apply }).click();
      await expect(page.getByRole('row').filter({ hasText: stranger })).toContainText(says.unknown(stranger));
    });
  });
}
