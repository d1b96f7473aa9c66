// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { heldReason } from '../../../core/held-punch';
import type { AttentionPunch } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import { AttentionItem } from './attention-item';
import { stubModalDialogs } from '../../testing/modal-dialogs';

beforeAll(stubModalDialogs);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function failedPunch(overrides: Partial<AttentionPunch> = {}): AttentionPunch {
  return {
    seq: 1,
    kioskId: 'k-1',
    id: '0193f1c2-7c4e-7b1a-9f3e-2d1c0b9a8f7e',
    employee: { externalId: 'B-1042' },
    employeeLabel: 'badge B-1042',
    employeeKey: 'u1',
    employeeName: 'Ada Lovelace',
    at: '2026-02-04T08:00:00+01:00',
    kenjoDateTime: '2026-02-04T08:00:00',
    timeZone: 'Europe/Berlin',
    status: 'failed',
    reason: 'Kenjo refused it',
    reasonCode: null,
    isOvernightShift: null,
    overnightReason: null,
    overnightReasonCode: null,
    attempts: 3,
    lastError: null,
    nextAttemptAt: null,
    receivedAt: '2026-02-04T08:00:01+01:00',
    deliveredAt: null,
    heldBehind: 0,
    ...overrides,
  };
}

const held = () => {
  const reason = heldReason('the read-back found no entry');
  return failedPunch({ reason: reason.text, reasonCode: { code: reason.code, params: reason.params } });
};

/** Shows the punch against a server that has no Kenjo entries for it; returns the actions posted. */
function show(punch: AttentionPunch): string[] {
  const posted: string[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    if (init.method === 'POST') {
      posted.push(path.slice(path.lastIndexOf('/') + 1));
      return new Response('{}');
    }
    return new Response(JSON.stringify({ from: '2026-02-03', to: '2026-02-05', entries: [], skipped: 0 }));
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider>
        <AttentionItem punch={punch} kioskName="Front door" />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return posted;
}

const actions = () => screen.getByRole('group', { name: 'Actions for the punch of Ada Lovelace' });

describe('a punch held because Kenjo may already have it', () => {
  it.each([
    { action: 'confirm', button: 'Confirm it is in Kenjo', says: /marked as sent, and Kenjo is not called/ },
    { action: 'retry', button: 'Retry', says: /sent to Kenjo again.*there twice/ },
  ])('$button asks first, saying what it does; Cancel sends nothing', async ({ action, button, says }) => {
    const posted = show(held());
    fireEvent.click(within(actions()).getByRole('button', { name: button }));
    const dialog = screen.getByRole('dialog', { name: button });
    expect(dialog.textContent).toMatch(says);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(posted).toEqual([]);

    fireEvent.click(within(actions()).getByRole('button', { name: button }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: button })).getByRole('button', { name: button }),
    );
    await waitFor(() => expect(posted).toEqual([action]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

it('a punch Kenjo refused is retried at once: sending it again cannot double it', async () => {
  const posted = show(failedPunch());
  expect(within(actions()).queryByRole('button', { name: 'Confirm it is in Kenjo' })).toBeNull();
  fireEvent.click(within(actions()).getByRole('button', { name: 'Retry' }));
  await waitFor(() => expect(posted).toEqual(['retry']));
  expect(screen.queryByRole('dialog')).toBeNull();
});
