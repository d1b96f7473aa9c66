import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';
import { DB_NAME } from '../../src/kiosk/outbox/schema';
import { KIOSK_WORDS, type KioskLanguage } from '../support/kiosk-words';

/** A badge reader's pace: its keys this far apart, well within the kiosk's (`BADGE_MAX_AVERAGE_GAP_MS`). */
const READER_KEY_GAP_MS = 5;

/** The kiosk as a person at the door uses it: badge reader, email field, the feedback and the status bar. */
export class KioskPage {
  readonly idleHeading: Locator;
  readonly setupHeading: Locator;
  readonly feedback: Locator;
  readonly status: Locator;
  readonly email: Locator;
  private keys: Promise<CDPSession> | null = null;

  constructor(readonly page: Page) {
    this.idleHeading = page.getByRole('heading', { name: 'Scan your badge or enter your email' });
    this.setupHeading = page.getByRole('heading', { name: 'Set up this kiosk' });
    this.feedback = page.getByRole('main').getByRole('status');
    this.status = page.getByRole('region', { name: 'Kiosk status' });
    this.email = page.getByLabel('Work email');
  }

  /** Opens the pairing link and waits until the kiosk has its directory (unknown badges refused on the kiosk). */
  async pair(pairingCode: string, origin = ''): Promise<void> {
    const directory = this.page.waitForResponse((r) => r.url().endsWith('/api/v1/kiosk/directory') && r.ok());
    await this.page.goto(`${origin}/#pair=${pairingCode}`);
    await expect(this.idleHeading).toBeVisible();
    await directory;
    await expectDirectoryStored(this.page);
  }

  /**
   * A keyboard-wedge reader: the badge number and Enter, with no field focused. The kiosk tells a scan from typing by
   * the keys' pace (`badge-buffer.ts`), so the keys go as a reader sends them, in one burst through Chromium's own
   * input path: all are sent before the first is answered, so a loaded machine cannot space them out by its round
   * trips, and each carries a reader's time stamp, `READER_KEY_GAP_MS` after the one before (a page whose clock a test
   * controls reads the time of their handling instead, close together as they arrive together).
   */
  async scanBadge(badge: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    this.keys ??= this.page.context().newCDPSession(this.page);
    const keys = await this.keys;
    const startS = Date.now() / 1000;
    const strokes = [...badge, 'Enter'].flatMap((key, i) => {
      const enter = key === 'Enter';
      const stroke = {
        key,
        timestamp: startS + (i * READER_KEY_GAP_MS) / 1000,
        ...(enter ? { code: 'Enter', windowsVirtualKeyCode: 13 } : {}),
      };
      return [
        keys.send('Input.dispatchKeyEvent', { type: 'keyDown', text: enter ? '\r' : key, ...stroke }),
        keys.send('Input.dispatchKeyEvent', { type: 'keyUp', ...stroke }),
      ];
    });
    await Promise.all(strokes);
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

/**
 * Waits until the kiosk in `page` has stored a directory listing someone: the proxy's answer arriving is not yet the
 * kiosk having read it.
 */
export async function expectDirectoryStored(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(storedDirectoryCount, DB_NAME)).toBeGreaterThan(0);
}

/** How many employees the kiosk's stored directory lists (0 before it has one); runs in the page. */
function storedDirectoryCount(dbName: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const read = open.result.transaction('settings').objectStore('settings').get('directory');
      read.onerror = () => reject(read.error);
      read.onsuccess = () => {
        open.result.close();
        const directory = read.result as { employees?: unknown[] } | undefined;
        resolve(directory?.employees?.length ?? 0);
      };
    };
  });
}
