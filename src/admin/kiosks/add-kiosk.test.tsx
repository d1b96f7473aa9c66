// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { AddKiosk } from './add-kiosk';
import { stubModalDialogs } from '../../testing/modal-dialogs';

beforeAll(stubModalDialogs);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// A zone no test machine runs in, so the browser's own zone cannot pass for the server's.
const SERVER_ZONE = 'Pacific/Chatham';

/** The console against a server whose TIME_ZONE is SERVER_ZONE; returns the bodies of the kiosks it creates. */
function showAgainstServer(): unknown[] {
  const created: unknown[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    if (path === '/api/v1/admin/console') {
      return new Response(JSON.stringify({ publicUrl: 'https://kiosk.example.com', timeZone: SERVER_ZONE }));
    }
    created.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify({ id: 'k-1', token: 't', pairingCode: 'ABCD2345' }), { status: 201 });
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>
        <AddKiosk />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return created;
}

const zoneField = () => screen.getByRole<HTMLInputElement>('combobox', { name: 'Time zone' });

it('creates a kiosk in the server’s TIME_ZONE unless the operator picks another', async () => {
  const created = showAgainstServer();
  await waitFor(() => expect(zoneField().value).toBe(SERVER_ZONE));
  fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Front door' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create kiosk' }));
  await waitFor(() => expect(created).toHaveLength(1));
  expect(created).toEqual([{ name: 'Front door', timeZone: SERVER_ZONE }]);
});

it('keeps the zone the operator typed', async () => {
  const created = showAgainstServer();
  await waitFor(() => expect(zoneField().value).toBe(SERVER_ZONE));
  fireEvent.change(zoneField(), { target: { value: 'Europe/Lisbon' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Back door' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create kiosk' }));
  await waitFor(() => expect(created).toHaveLength(1));
  expect(created).toEqual([{ name: 'Back door', timeZone: 'Europe/Lisbon' }]);
});
