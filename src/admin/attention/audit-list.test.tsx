// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import { AuditList } from './audit-list';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const KIOSK_ID = '3f0c6a52-52a4-4b8e-9d5e-0f5a3c1b2d4e';
const PUNCH_TARGET = `${KIOSK_ID}/0193f1c2-7c4e-7b1a-9f3e-2d1c0b9a8f7e`;

function entry(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    at: '2026-02-04T09:00:00.000Z',
    atMs: Date.parse('2026-02-04T09:00:00.000Z'),
    actor: 'admin',
    action: 'kiosk.revoke',
    target: KIOSK_ID,
    subject: null,
    reason: null,
    detail: {},
    ...overrides,
  };
}

it('names the target: a kiosk by its name, a punch by its person and time on its kiosk’s clock', async () => {
  const entries = [
    entry({ subject: { kind: 'kiosk', name: 'Front door' } }),
    entry({
      action: 'punch.retry',
      target: PUNCH_TARGET,
      // 07:00 UTC is 08:00 in Berlin, the kiosk's zone.
      subject: { kind: 'punch', employee: 'Ada', at: '2026-02-04T07:00:00.000Z', timeZone: 'Europe/Berlin' },
    }),
    entry({ action: 'punch.discard', target: PUNCH_TARGET }),
  ];
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ entries, nextBefore: null })));
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>
        <AuditList />
      </I18nProvider>
    </QueryClientProvider>,
  );
  const rows = (await screen.findAllByRole('row')).slice(1);
  const target = (row: HTMLElement) => within(row).getAllByRole('cell')[3]?.textContent;
  expect(rows.map(target)).toEqual([
    'Front door',
    expect.stringMatching(/^Ada at .*\b8:00:00\b/),
    // Past retention the server cannot say any more: the target as recorded.
    PUNCH_TARGET,
  ]);
});
