/**
 * Which chains a commit takes when instances share the ledger: the employees this instance holds come first, whatever
 * their heads' age, and it asks for no more of the others than it has room for, so that it does not hold employees
 * another instance could be replaying while it works through its own.
 */
import { expect, it } from 'vitest';
import { insert, punchAt, stepHarness } from '../testing/harness';
import type { EmployeeLeases } from './employee-leases';
import { groupCommit } from './group-commit';
import { createLoopState } from './loop-state';

/** Leases that hold only `heldKeys`, and note which employees are asked for. */
function leasesHolding(...heldKeys: string[]): EmployeeLeases & { wanted: string[] } {
  const wanted: string[] = [];
  return {
    wanted,
    held: (key) => heldKeys.includes(key),
    othersCallsEndedAtMs: () => -Infinity,
    want: (key) => void wanted.push(key),
    pending: () => wanted.length > 0,
    renew: () => Promise.resolve({ lost: [], refused: [] }),
    release: () => Promise.resolve(),
  };
}

const EMPLOYEES = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];

/** One punch each; u1's head is the oldest, u6's the newest. */
const punchEach = (ledger: Parameters<typeof insert>[0]) =>
  insert(
    ledger,
    ...EMPLOYEES.map((key, i) => punchAt(`2026-02-04T0${i + 1}:00:00+01:00`, { employeeKey: key })),
  );

it.each([
  { held: ['u6'], claimed: ['u6'], wanted: ['u1', 'u2', 'u3'] },
  { held: ['u5', 'u6'], claimed: ['u5', 'u6'], wanted: ['u1', 'u2'] },
  { held: ['u2', 'u3', 'u4', 'u5', 'u6'], claimed: ['u2', 'u3', 'u4', 'u5'], wanted: [] },
  { held: [], claimed: [], wanted: ['u1', 'u2', 'u3', 'u4'] },
])('holding $held, claims $claimed and asks for $wanted', async ({ held, claimed, wanted }) => {
  const { ctx, ledger } = stepHarness();
  punchEach(ledger);
  const leases = leasesHolding(...held);
  // Room for four: two calls and two claims ahead.
  const state = createLoopState(ctx, { concurrency: 2, prefetch: 2, tickMs: 1000, leases });
  const claims = await groupCommit(state, { claim: true });
  expect(claims.map((c) => c.key).sort()).toEqual(claimed);
  expect(leases.wanted).toEqual(wanted);
});

it('asks first for an employee whose head is a call in doubt, left by an instance that died mid-call', async () => {
  const { ctx, ledger } = stepHarness();
  const [, , , , , u6] = punchEach(ledger);
  if (u6 === undefined) throw new Error('no punch of u6');
  await ctx.ledger.transition(u6.kioskId, u6.id, {
    from: ['queued'],
    to: 'sending',
    incrementAttempts: true,
  });
  const leases = leasesHolding();
  const state = createLoopState(ctx, { concurrency: 2, prefetch: 2, tickMs: 1000, leases });
  expect(await groupCommit(state, { claim: true })).toEqual([]);
  expect(leases.wanted).toEqual(['u6', 'u1', 'u2', 'u3']);
});
