/**
 * A call starts only while this instance holds its employee with margin: a claim committed in this very pass whose
 * employee's claim lapsed meanwhile (a slow commit) is put back uncalled, since another instance may have taken the
 * employee over and be about to read its `sending` punch back.
 */
import { expect, it } from 'vitest';
import { insert, punchAt, stepHarness } from '../testing/harness';
import type { EmployeeLeases } from './employee-leases';
import { createLoopState, type Claim } from './loop-state';
import { fillSlots } from './slots';

/** Leases that hold only `heldKeys`. */
function leasesHolding(...heldKeys: string[]): EmployeeLeases {
  return {
    held: (key) => heldKeys.includes(key),
    othersCallsEndedAtMs: () => -Infinity,
    want: () => undefined,
    pending: () => false,
    renew: () => Promise.resolve({ lost: [], refused: [] }),
    release: () => Promise.resolve(),
  };
}

it('calls a fresh claim whose employee is held, and puts back uncalled one whose claim lapsed', async () => {
  const { ctx, ledger } = stepHarness();
  const punches = insert(
    ledger,
    punchAt('2026-02-04T08:00:00+01:00', { employeeKey: 'u1', employee: { userId: 'u1' } }),
    punchAt('2026-02-04T08:00:00+01:00', { employeeKey: 'u2', employee: { userId: 'u2' } }),
  );
  const called: string[] = [];
  const released: string[] = [];
  const claims: Claim[] = punches.map((punch) => ({
    key: punch.employeeKey ?? '',
    punch,
    headSeq: punch.seq,
    aheadVersion: null,
    call: () => {
      called.push(punch.employeeKey ?? '');
      return Promise.resolve({ record: () => Promise.resolve({ kind: 'sent' }), pauseAllUntilMs: null });
    },
    release: (why) => {
      released.push(`${punch.employeeKey ?? ''}: ${why}`);
      return Promise.resolve({ kind: 'waiting', retryAtMs: null });
    },
  }));
  const state = createLoopState(ctx, {
    concurrency: 2,
    prefetch: 2,
    tickMs: 20,
    leases: leasesHolding('u1'),
  });
  state.ready.push(...claims);

  expect(fillSlots(state, new Set(claims), () => undefined)).toBe(2);
  await Promise.all(state.calls.values());
  for (const { answer } of state.done) await answer?.record();

  expect(called).toEqual(['u1']);
  expect(released).toEqual(['u2: another instance replays the employee now']);
});
