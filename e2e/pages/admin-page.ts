/**
 * The admin console for end-to-end tests: role- and label-based steps an operator takes, plus the kiosk's side of
 * the conversation over HTTP (a kiosk sending punches). The simulator's side is in `support/kiosk-server`.
 */
import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { E2E_ADMIN_TOKEN } from '../support/admin-token';

export const ADMIN_TOKEN = E2E_ADMIN_TOKEN;

export type Section = 'Needs attention' | 'Punches' | 'Kiosks' | 'Who is in' | 'Kenjo';

export class AdminPage {
  constructor(readonly page: Page) {}

  /** The console, opened and signed in with the admin token. */
  static async signedIn(page: Page): Promise<AdminPage> {
    const admin = new AdminPage(page);
    await admin.goto();
    await admin.signIn();
    return admin;
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/');
  }

  async signIn(token = ADMIN_TOKEN): Promise<void> {
    await this.page.getByLabel('Admin token').fill(token);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.sections()).toBeVisible();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }

  sections(): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' });
  }

  async open(section: Section): Promise<void> {
    await this.sections().getByRole('link', { name: section }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }

  /** Creates a kiosk through the form and returns the pairing code the dialog shows (the dialog is closed). */
  async addKiosk(name: string, timeZone = 'Europe/Berlin'): Promise<string> {
    await this.open('Kiosks');
    const form = this.page.getByRole('region', { name: 'Add a kiosk' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Time zone').fill(timeZone);
    await form.getByRole('button', { name: 'Create kiosk' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Pair a tablet with ${name}` });
    await expect(dialog.getByRole('img', { name: /QR code/ })).toBeVisible();
    const code = (await dialog.getByTestId('pairing-code').textContent()) ?? '';
    await dialog.getByRole('button', { name: 'Close' }).click();
    return code.trim();
  }

  kioskRow(name: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  async revokeKiosk(name: string): Promise<void> {
    await this.open('Kiosks');
    await this.kioskRow(name).getByRole('button', { name: 'Revoke' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Revoke' });
    await expect(dialog).toContainText(`Revoke kiosk ${name}?`);
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect(this.kioskRow(name)).toContainText('Revoked');
  }

  /** The card of a punch in "Needs attention", found by the identifier as the kiosk sent it ("badge B-1300"). */
  attentionItem(label: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: label });
  }

  async reassign(item: Locator, badge: string, reason: string): Promise<void> {
    await item.getByRole('button', { name: 'Reassign…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Send this punch for another employee' });
    await dialog.getByLabel('Identify the employee by').selectOption({ label: 'Badge number' });
    await dialog.getByLabel('Identifier').fill(badge);
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Reassign' }).click();
    await expect(dialog).toBeHidden();
  }
}

export interface PunchAnswer {
  status: number;
  id: string;
  /** `accepted`, `duplicate` or `rejected`; null when the batch itself was refused. */
  result: string | null;
}

/** A kiosk as the proxy's HTTP clients see it: created by the admin API, sending punches with its own token. */
export class KioskClient {
  constructor(
    private readonly request: APIRequestContext,
    readonly token: string,
  ) {}

  static async create(request: APIRequestContext, name: string): Promise<KioskClient & { id: string }> {
    const response = await request.post('/api/v1/admin/kiosks', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      data: { name, timeZone: 'Europe/Berlin' },
    });
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { id: string; token: string };
    return Object.assign(new KioskClient(request, body.token), { id: body.id });
  }

  static async pair(request: APIRequestContext, pairingCode: string): Promise<KioskClient> {
    const response = await request.post('/api/v1/kiosk/pair', { data: { pairingCode } });
    expect(response.status()).toBe(200);
    return new KioskClient(request, ((await response.json()) as { token: string }).token);
  }

  /** Sends one punch; answers the HTTP status, the punch's id and, on a 200, the proxy's verdict on it. */
  async punch(employee: Record<string, string>, at: Date): Promise<PunchAnswer> {
    const id = randomUUID();
    const response = await this.request.post('/api/v1/punches', {
      headers: { authorization: `Bearer ${this.token}` },
      data: { sentAt: new Date().toISOString(), punches: [{ id, employee, at: at.toISOString() }] },
    });
    if (response.status() !== 200) return { status: response.status(), id, result: null };
    const { results } = (await response.json()) as { results: { status: string }[] };
    return { status: 200, id, result: results[0]?.status ?? null };
  }
}

/** Kenjo's wall clock in Berlin for an instant, as the proxy sends it (`YYYY-MM-DDThh:mm:ss`). */
export function berlinWallTime(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
    .format(at)
    .replace(' ', 'T');
}
