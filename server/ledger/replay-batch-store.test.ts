import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger, LedgerStatus, NewPunch } from './ledger';
import { insertPunches, memoryLedger, newPunch } from '../testing/ledger-factories';

let ledger: Ledger;
beforeEach(() => {
  ledger = memoryLedger();
});
afterEach(() => ledger.close());

const T = Date.UTC(2026, 1, 4, 8);

type Stored = Omit<Partial<NewPunch>, 'status'> & { status?: LedgerStatus; nextAttemptAtMs?: number };

/** A stored punch in any state: states beyond ingest's three are reached through `transition`. */
function store(name: string, overrides: Stored = {}): NewPunch {
  const { status = 'queued', nextAttemptAtMs, ...rest } = overrides;
  const punch = newPunch({ ...rest, id: name, status: 'queued' });
  insertPunches(ledger, [punch]);
  if (status !== 'queued' || nextAttemptAtMs !== undefined) {
    ledger.transition(punch.kioskId, punch.id, {
      from: ['queued'],
      to: status,
      ...(nextAttemptAtMs === undefined ? {} : { nextAttemptAtMs }),
    });
  }
  return punch;
}

const statusOf = (id: string) => ledger.getPunch('kiosk-1', id)?.status;

describe('nextChainHead', () => {
  it.each<{ name: string; punches: [string, Stored][]; head: string | null }>([
    {
      name: 'the earliest unsettled punch by at, then seq',
      punches: [
        ['a2', { employeeKey: 'a', atMs: T + 10 }],
        ['a1', { employeeKey: 'a', atMs: T }],
        ['a1-tie', { employeeKey: 'a', atMs: T }],
      ],
      head: 'a1',
    },
    {
      name: 'settled punches are skipped',
      punches: [
        ['sent', { employeeKey: 'a', atMs: T, status: 'sent' }],
        ['ignored', { employeeKey: 'a', atMs: T + 1, status: 'ignored' }],
        ['discarded', { employeeKey: 'a', atMs: T + 2, status: 'discarded' }],
        ['next', { employeeKey: 'a', atMs: T + 3 }],
      ],
      head: 'next',
    },
    {
      name: 'a failed head is the head (it holds its chain back)',
      punches: [
        ['failed', { employeeKey: 'a', atMs: T, status: 'failed' }],
        ['queued', { employeeKey: 'a', atMs: T + 1 }],
      ],
      head: 'failed',
    },
    {
      name: 'a head not yet due is still the head',
      punches: [['later', { employeeKey: 'a', atMs: T, nextAttemptAtMs: T + 99_000 }]],
      head: 'later',
    },
    {
      name: 'other employees do not count',
      punches: [['b1', { employeeKey: 'b', atMs: T }]],
      head: null,
    },
    {
      name: 'an employee whose punches are all sent has none',
      punches: [['sent', { employeeKey: 'a', atMs: T, status: 'sent' }]],
      head: null,
    },
  ])('$name', ({ punches, head }) => {
    for (const [name, overrides] of punches) store(name, overrides);
    expect(ledger.nextChainHead('a')?.id ?? null).toBe(head);
  });

  it('agrees with dueChainHeads on a due head', () => {
    store('a2', { employeeKey: 'a', atMs: T + 1 });
    store('a1', { employeeKey: 'a', atMs: T, status: 'sending' });
    expect(ledger.nextChainHead('a')).toEqual(ledger.dueChainHeads(T, 10, new Set())[0]);
  });
});

describe('atomically', () => {
  it('applies every change made inside and answers what the work returned', () => {
    store('p1');
    store('p2');
    const answer = ledger.atomically(() => {
      ledger.transition('kiosk-1', 'p1', { from: ['queued'], to: 'sending' });
      ledger.transition('kiosk-1', 'p2', { from: ['queued'], to: 'sent' });
      return 'done';
    });
    expect(answer).toBe('done');
    expect([statusOf('p1'), statusOf('p2')]).toEqual(['sending', 'sent']);
  });

  it('undoes every change when the work throws', () => {
    store('p1');
    expect(() =>
      ledger.atomically(() => {
        ledger.transition('kiosk-1', 'p1', { from: ['queued'], to: 'sending' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(statusOf('p1')).toBe('queued');
  });

  it('undoes only a nested call that throws when the caller catches it', () => {
    store('p1');
    store('p2');
    ledger.atomically(() => {
      ledger.transition('kiosk-1', 'p1', { from: ['queued'], to: 'sending' });
      try {
        ledger.atomically(() => {
          ledger.transition('kiosk-1', 'p2', { from: ['queued'], to: 'sending' });
          throw new Error('only this one');
        });
      } catch {
        // the outer work goes on
      }
    });
    expect([statusOf('p1'), statusOf('p2')]).toEqual(['sending', 'queued']);
  });

  it('lets reads inside see the changes made before them', () => {
    store('a1', { employeeKey: 'a', atMs: T });
    store('a2', { employeeKey: 'a', atMs: T + 1 });
    const next = ledger.atomically(() => {
      ledger.transition('kiosk-1', 'a1', { from: ['queued'], to: 'sent' });
      return ledger.nextChainHead('a')?.id;
    });
    expect(next).toBe('a2');
  });
});
