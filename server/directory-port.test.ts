import { describe, expect, it } from 'vitest';
import { createDirectory } from './directory/directory';
import { directoryPort } from './directory-port';
import { asyncOf, memoryLedger } from './testing/ledger-factories';
import { EMPLOYEES } from './testing/routes-harness';

async function port(listEmployees: () => Promise<typeof EMPLOYEES>) {
  const directory = createDirectory({
    kenjo: { listEmployees },
    ledger: asyncOf(memoryLedger()),
    now: Date.now,
  });
  await directory.refresh().catch(() => undefined);
  return directoryPort(directory);
}

describe('directoryPort', () => {
  it.each([
    [{ externalId: 'B-1001' }, { kind: 'found', userId: 'u-ada', displayName: 'Ada' }],
    [
      { email: 'eve@demo.example' },
      {
        kind: 'inactive',
        reason: expect.objectContaining({
          code: 'inactive-employee',
          text: 'inactive employee: email eve@demo.example is no longer active in Kenjo',
        }),
      },
    ],
    [
      { externalId: 'B-9999' },
      {
        kind: 'unknown',
        reason: expect.objectContaining({
          code: 'unknown-employee',
          text: 'unknown employee: badge B-9999 is not in Kenjo',
        }),
      },
    ],
  ])('answers %o with %o', async (ref, expected) => {
    const directory = await port(async () => EMPLOYEES);
    expect(await directory.resolve(ref)).toEqual(expected);
    expect(directory.fetchedAtMs()).not.toBeNull();
  });

  it('answers unavailable with a reason while Kenjo cannot be asked', async () => {
    const directory = await port(() => Promise.reject(new Error('down')));
    expect(await directory.resolve({ externalId: 'B-1001' })).toMatchObject({
      kind: 'unavailable',
      reason: expect.objectContaining({ code: 'directory-unavailable', text: expect.any(String) }),
    });
    expect(directory.employees()).toEqual([]);
  });
});
