/**
 * The console in English and German, at 390 and 1280 px: the pairing dialog's link at the address the console was
 * opened at, with a plain warning that 127.0.0.1 cannot be reached from a tablet, and the Punches list with
 * names, in or out, the kiosk's zone on each row, and search by name, email, badge or Kenjo id. Axe-checked.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_EMPLOYEES } from '../server/simulator/employees';
import { KioskClient } from './pages/admin-page';
import { expectNoAxeViolations } from './support/axe';
import { E2E_ADMIN_TOKEN } from './support/admin-token';
import { CONSOLE_WORDS, type ConsoleLanguage } from './support/console-words';

async function signIn(page: Page, language: ConsoleLanguage): Promise<void> {
  const words = CONSOLE_WORDS[language];
  await page.goto('/admin/');
  await page.getByLabel(words.token).fill(E2E_ADMIN_TOKEN);
  await page.getByRole('button', { name: words.signIn }).click();
  await expect(page.getByRole('navigation', { name: words.sections })).toBeVisible();
}

const CASES = [
  { language: 'en', width: 390, badge: 'B-1191' },
  { language: 'en', width: 1280, badge: 'B-1192' },
  { language: 'de', width: 390, badge: 'B-1193' },
  { language: 'de', width: 1280, badge: 'B-1194' },
] as const;

for (const { language, width, badge } of CASES) {
  const words = CONSOLE_WORDS[language];
  const employee = DEMO_EMPLOYEES.find((e) => e.externalId === badge);
  test.describe(`${language}, ${width} px`, () => {
    test.use({ locale: words.locale, viewport: { width, height: 800 } });

    test('the pairing link is the console’s address, with a warning that a tablet cannot reach 127.0.0.1', async ({
      page,
    }) => {
      await signIn(page, language);
      await page
        .getByRole('navigation', { name: words.sections })
        .getByRole('link', { name: words.kiosks })
        .click();
      const form = page.getByRole('region', { name: words.addKiosk });
      const name = `Pairing ${language} ${width}`;
      await form.getByLabel(words.name, { exact: true }).fill(name);
      await form.getByRole('button', { name: words.create }).click();
      const dialog = page.getByRole('dialog', { name: words.pairTitle(name) });
      await expect(dialog.getByRole('alert')).toContainText(words.localOnly);
      const code = ((await dialog.getByTestId('pairing-code').textContent()) ?? '').trim();
      await expect(dialog.getByRole('link', { name: /#pair=/ })).toHaveAttribute(
        'href',
        `${new URL(page.url()).origin}/#pair=${encodeURIComponent(code)}`,
      );
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: words.close }).click();
    });

    test('Punches name the employee, say in or out, name the zone, and are found by any identifier', async ({
      page,
      request,
    }) => {
      if (!employee) throw new Error(`${badge} is not a demo employee`);
      const kiosk = await KioskClient.create(request, `Punches ${language} ${width}`);
      const now = Date.now();
      expect((await kiosk.punch({ externalId: badge }, new Date(now - 3 * 3_600_000))).result).toBe(
        'accepted',
      );
      expect((await kiosk.punch({ email: employee.email }, new Date(now - 2 * 3_600_000))).result).toBe(
        'accepted',
      );
      await signIn(page, language);
      await page
        .getByRole('navigation', { name: words.sections })
        .getByRole('link', { name: words.punches })
        .click();
      const search = page.getByLabel(words.search);
      const rows = page.getByRole('row').filter({ hasText: employee.displayName });
      for (const text of [employee.displayName.split(' ')[0] ?? '', employee.email, badge, employee._id]) {
        await search.fill(text);
        await page.getByRole('button', { name: words.apply }).click();
        await expect(rows).toHaveCount(2);
      }
      await expect(rows.nth(0)).toContainText(words.out);
      await expect(rows.nth(0)).toContainText(
        `email ${employee.email}`.replace('email', language === 'de' ? 'E-Mail' : 'email'),
      );
      await expect(rows.nth(1)).toContainText(words.in);
      await expect(rows.nth(1)).toContainText(words.badge(badge));
      for (const row of [rows.nth(0), rows.nth(1)]) await expect(row).toContainText('Europe/Berlin');
      await expectNoAxeViolations(page);
    });
  });
}
