/**
 * The kiosk as the people at the door see it, in English and German, on a phone (390 px) and a tablet/desktop
 * (1280 px): the idle screen, clock-in and clock-out answers that differ at a glance, the offline answer, the
 * heartbeat, a clear answer to every input, and a language chosen for one punch. Each case is axe-checked.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { createKiosk } from './support/kiosk-server';
import { KIOSK_WORDS, type KioskLanguage } from './support/kiosk-words';
import { expectDirectoryStored, KioskPage, pickOtherPunchLanguage } from './pages/kiosk-page';

/** A morning of yesterday in Berlin: punches at that time are in the server's past, whenever the tests run. */
function yesterdayAt(hhmm: string): Date {
  const day = new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 10);
  return new Date(`${day}T${hhmm}:00+01:00`);
}

async function pair(page: Page, kioskName: string, language: KioskLanguage): Promise<void> {
  const { pairingCode } = await createKiosk(page.request, kioskName);
  const directory = page.waitForResponse((r) => r.url().endsWith('/api/v1/kiosk/directory') && r.ok());
  await page.goto(`/#pair=${pairingCode}`);
  await expect(page.getByRole('heading', { level: 1, name: KIOSK_WORDS[language].prompt })).toBeVisible();
  await directory;
  await expectDirectoryStored(page);
}

const CASES = [
  { language: 'en', width: 390, badges: ['B-1150', 'B-1151', 'B-1152', 'B-1153'] },
  { language: 'en', width: 1280, badges: ['B-1160', 'B-1161', 'B-1162', 'B-1163'] },
  { language: 'de', width: 390, badges: ['B-1170', 'B-1171', 'B-1172', 'B-1173'] },
  { language: 'de', width: 1280, badges: ['B-1180', 'B-1181', 'B-1182', 'B-1183'] },
] as const;

for (const { language, width, badges } of CASES) {
  const words = KIOSK_WORDS[language];
  const [inOut, offlineBadge, doubleBadge, visitor] = badges;
  test.describe(`${language}, ${width} px`, () => {
    test.use({ locale: words.locale, viewport: { width, height: width < 500 ? 844 : 800 } });
    const noFeedback = (page: Page) => expect(page.locator('.feedback')).toHaveCount(0);

    test('the idle screen shows a large time and date, the site and the prompt, uncrowded', async ({
      page,
    }) => {
      await page.clock.install({ time: yesterdayAt('08:01') });
      const site = `Front door ${language} ${width}`;
      await pair(page, site, language);
      const status = page.getByRole('region', { name: words.status });
      await expect(status).toContainText(site);
      await expect(status).toContainText(words.online);
      const time = page.locator('.clock-time');
      await expect(time).toHaveText('08:01');
      const date = new Intl.DateTimeFormat(language, {
        timeZone: 'Europe/Berlin',
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }).format(yesterdayAt('08:01'));
      await expect(page.getByText(date)).toBeVisible();
      // Readable from 2 m: digits at least 64 px tall (22 % of a 390 px width is 86 px).
      expect(parseFloat(await time.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(64);
      // The header is one slim band and the prompt is on the first screen, below it.
      const header = (await page.locator('.kiosk-header').boundingBox()) ?? { y: 0, height: Infinity };
      const prompt = (await page.getByRole('heading', { level: 1 }).boundingBox()) ?? {
        y: 0,
        height: Infinity,
      };
      // At most a tenth of the screen's height, and the prompt below it on the first screen.
      const screenHeight = width < 500 ? 844 : 800;
      expect(header.height).toBeLessThanOrEqual(screenHeight / 10);
      expect(prompt.y).toBeGreaterThanOrEqual(header.y + header.height);
      expect(prompt.y + prompt.height).toBeLessThanOrEqual(screenHeight);
      // Settings are closed behind one button.
      await expect(page.getByRole('combobox')).toBeHidden();
      await expectNoAxeViolations(page);
    });

    test('clock-in and clock-out differ in colour, icon and words, with the time and the time worked', async ({
      page,
    }) => {
      const kiosk = new KioskPage(page);
      await page.clock.install({ time: yesterdayAt('08:00') });
      await pair(page, `In and out ${language} ${width}`, language);
      const feedback = page.getByRole('main').getByRole('status');
      await kiosk.scanBadge(inOut);
      await expect(feedback.locator('.feedback-title')).toContainText(words.welcome);
      await expect(feedback).toContainText(`${words.clockedInAt}08:00`);
      const card = feedback.locator('.feedback');
      await expect(card).toHaveClass(/feedback-in/);
      await expect(card.locator('svg.icon-in')).toBeVisible();
      const inColour = await card.evaluate((e) => getComputedStyle(e).backgroundColor);
      await expectNoAxeViolations(page);

      await page.clock.fastForward('04:00:00');
      await noFeedback(page);
      await kiosk.scanBadge(inOut);
      await expect(feedback.locator('.feedback-title')).toContainText(words.goodbye);
      await expect(feedback).toContainText(`${words.clockedOutAt}12:00`);
      await expect(feedback).toContainText(words.worked4h);
      await expect(card).toHaveClass(/feedback-out/);
      await expect(card.locator('svg.icon-out')).toBeVisible();
      expect(await card.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe(inColour);
      await expectNoAxeViolations(page);
    });

    test('offline, the answer says the punch is kept on the device, and the heartbeat tells at once', async ({
      page,
      context,
    }) => {
      const kiosk = new KioskPage(page);
      await pair(page, `Offline ${language} ${width}`, language);
      const status = page.getByRole('region', { name: words.status });
      await expect(status).toContainText(words.online);
      // The proxy goes away while the network stays up: only the heartbeat can notice, nobody punches.
      await context.route('**/api/**', (route) => route.abort('connectionrefused'));
      await expect(status).toContainText(words.unreachable, { timeout: 10_000 });
      await context.setOffline(true);
      await expect(status).toContainText(words.offline);

      const feedback = page.getByRole('main').getByRole('status');
      await kiosk.scanBadge(offlineBadge);
      await expect(feedback.locator('.feedback-title')).toContainText(words.welcome);
      await expect(feedback).toContainText(words.offlineNote);
      await expect(feedback.getByText(words.offline, { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      await context.unroute('**/api/**');
      await context.setOffline(false);
      await expect(status).toContainText(words.online, { timeout: 15_000 });
    });

    test('every input gets a clear answer', async ({ page }) => {
      const kiosk = new KioskPage(page);
      await pair(page, `Answers ${language} ${width}`, language);
      const feedback = page.getByRole('main').getByRole('status');
      const email = page.getByLabel(words.email);
      const expectAnswer = async (text: string) => {
        await expect(feedback).toContainText(text);
        await feedback.locator('.feedback').click();
        await noFeedback(page);
      };

      await page.getByRole('button', { name: words.punch, exact: true }).click();
      await expectAnswer(words.empty);
      await email.fill('hello');
      await email.press('Enter');
      await expectAnswer(words.notAnEmail('hello'));
      await email.fill('ana@');
      await email.press('Enter');
      await expectAnswer(words.notAnEmail('ana@'));
      await kiosk.scanBadge('B-9999');
      await expectAnswer(words.unknownBadge('B-9999'));
      await kiosk.scanBadge('B-1300');
      await expect(feedback).toContainText(words.inactive);
      await expectNoAxeViolations(page);
      // The answer may have cleared itself while axe looked at it (a tap dismisses it, as checked above).
      await kiosk.waitUntilIdle();

      await kiosk.scanBadge(doubleBadge);
      await expect(feedback).toContainText(words.clockedInAt);
      const time = (await feedback.textContent())?.match(/(\d\d:\d\d)/)?.[1] ?? 'no time';
      await kiosk.scanBadge(doubleBadge);
      await expect(feedback).toContainText(words.already(time));
      await expect(feedback.locator('.feedback')).toHaveClass(/feedback-notice/);
    });

    test('a person picks a language for their punch, and the kiosk returns to its default', async ({
      page,
    }) => {
      const kiosk = new KioskPage(page);
      await pair(page, `Languages ${language} ${width}`, language);
      const other = await pickOtherPunchLanguage(page, language);
      await kiosk.scanBadge(visitor);
      const feedback = page.getByRole('main').getByRole('status');
      await expect(feedback.locator('.feedback-title')).toContainText(other.welcome);
      await feedback.locator('.feedback').click();
      await expect(page.getByRole('heading', { level: 1, name: words.prompt })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
    });
  });
}
