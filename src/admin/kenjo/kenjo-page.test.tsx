// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import type { KenjoStatus } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import { KenjoPage } from './kenjo-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const STATUS: KenjoStatus = {
  demoMode: false,
  connection: 'failing',
  lastSuccessAt: null,
  lastError: null,
  lastErrorAt: null,
  trackTimeCalls: 3,
  backlog: { waiting: 4, failed: 0, oldestReceivedAt: null, oldestAgeS: null },
  directory: { fetchedAt: null, ageS: null, employees: 298, activeEmployees: 297 },
  problems: ['Kenjo answered 404 to /attendances/track-time, so the address is wrong; check KENJO_API_URL.'],
  skipped: [{ list: 'employees', reason: 'no identifier', count: 2 }],
  unexpectedAnswers: { count: 1, last: 'Kenjo answered 200 with a page: <html>', lastAt: null },
};

function show(status: KenjoStatus) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(status), { status: 200 }));
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>
        <KenjoPage />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

it('shows what to fix, the skipped records and the unexpected answers', async () => {
  show(STATUS);
  expect((await screen.findByRole('alert')).textContent).toMatch(
    /404 to \/attendances\/track-time.*KENJO_API_URL/,
  );
  expect(screen.getByText('2 records skipped in employees: no identifier')).toBeTruthy();
  expect(screen.getByText('Kenjo answered 200 with a page: <html>')).toBeTruthy();
});

it('shows no alert while nothing needs fixing', async () => {
  show({ ...STATUS, problems: [], skipped: [] });
  await screen.findByText('Kenjo answered 200 with a page: <html>');
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.queryByText(/skipped/)).toBeNull();
});
