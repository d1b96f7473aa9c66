/**
 * The console's first run: with no kiosk yet, it opens on "Add your first kiosk" and its steps. The spec has a
 * server of its own with an empty ledger, so it holds whichever specs ran before it (they add kiosks).
 */
import { expect, test } from '@playwright/test';
import type { RunningServer } from '../server/start-server';
import { expectNoAxeViolations } from './support/axe';
import { E2E_ADMIN_TOKEN } from './support/admin-token';
import { CONSOLE_WORDS } from './support/console-words';
import { startFreshServer } from './support/fresh-server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startFreshServer('first-run');
});
test.afterAll(async () => {
  await server.close();
});

for (const language of ['en', 'de'] as const) {
  for (const width of [390, 1280]) {
    const words = CONSOLE_WORDS[language];
    test.describe(`${language}, ${width} px`, () => {
      test.use({ locale: words.locale, viewport: { width, height: 800 } });

      test('with no kiosk yet, the console leads the operator to add one', async ({ page, request }) => {
        const listed = await request.get(`${server.url}/api/v1/admin/kiosks`, {
          headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
        });
        expect((await listed.json()) as { kiosks: unknown[] }, 'a server of its own, with no kiosk').toEqual({
          kiosks: [],
        });

        await page.goto(`${server.url}/admin/`);
        await page.getByLabel(words.token).fill(E2E_ADMIN_TOKEN);
        await page.getByRole('button', { name: words.signIn }).click();
        await expect(page.getByRole('heading', { level: 2, name: words.attention })).toBeVisible();
        const firstRun = page.getByRole('region', { name: words.firstRun });
        await expect(firstRun.getByRole('listitem')).toHaveCount(3);
        await expectNoAxeViolations(page);
        await firstRun.getByRole('link', { name: words.firstRunGo }).click();
        await expect(page.getByRole('heading', { level: 2, name: words.kiosks })).toBeVisible();
        await expect(page.getByRole('region', { name: words.addKiosk })).toBeVisible();
      });
    });
  }
}
