import { expect, type Locator, type Page } from '@playwright/test';
import { KIOSK_WORDS, type KioskLanguage } from '../support/kiosk-words';

/** The kiosk as a person at the door uses it: badge reader, email field, the feedback and the status bar. */
export class KioskPage {
  readonly idleHeading: Locator;
  readonly setupHeading: Locator;
  readonly feedback: Locator;
  readonly status: Locator;
  readonly email: Locator;

  constructor(readonly page: Page) {
    this.idleHeading = page.getByRole('heading', { name: 'Scan your badge or enter your email' });
    this.setupHeading = page.getByRole('heading', { name: 'Set up this kiosk' });
    this.feedback = page.getByRole('main').getByRole('status');
    this.status = page.getByRole('region', { name: 'Kiosk status' });
    this.email = page.getByLabel('Work email');
  }

  /** Opens the pairing link and waits until the kiosk has its directory (names on the feedback). */
  async pair(pairingCode: string, origin = ''): Promise<void> {
    const directory = this.page.waitForResponse((r) => r.url().endsWith('/api/v1/kiosk/directory') && r.ok());
    await this.page.goto(`${origin}/#pair=${pairingCode}`);
    await expect(this.idleHeading).toBeVisible();
    await directory;
  }

  /** A keyboard-wedge reader: the badge number and Enter, typed fast, with no field focused. */
  async scanBadge(badge: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.type(badge);
    await this.page.keyboard.press('Enter');
  }

  async punchByEmail(email: string): Promise<void> {
    await this.email.fill(email);
    await this.email.press('Enter');
  }

  /** Waits for the previous feedback to clear by itself, so the next punch's feedback is its own. */
  async waitUntilIdle(): Promise<void> {
    await expect(this.feedback).toBeEmpty({ timeout: 10_000 });
  }

  /** Exactly `count`: "0 waiting" must not pass for "10 waiting". */
  async expectPending(count: number): Promise<void> {
    await expect(this.status).toContainText(new RegExp(`(?<!\\d)${count} waiting on this device`), {
      timeout: 15_000,
    });
  }

  async waitForServiceWorker(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
  }
}

/**
 * A person at a kiosk showing `from` (English or German) picks the other language for their punch; answers the
 * words the kiosk shows them now.
 */
export async function pickOtherPunchLanguage(page: Page, from: KioskLanguage) {
  const other = from === 'en' ? KIOSK_WORDS.de : KIOSK_WORDS.en;
  await page
    .getByRole('navigation', { name: KIOSK_WORDS[from].punchLanguage })
    .getByRole('button', { name: from === 'en' ? 'Deutsch' : 'English' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: other.prompt })).toBeVisible();
  return other;
}
