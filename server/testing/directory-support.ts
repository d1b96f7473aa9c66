/** Factories shared by the directory's tests: an employee with overrides, and a Kenjo stand-in for its list. */
import type { DirectoryEmployee } from '../ledger/ledger';

export function employee(overrides: Partial<DirectoryEmployee> = {}): DirectoryEmployee {
  return {
    userId: 'u1',
    email: 'ana@demo.example',
    externalId: 'B-1',
    isActive: true,
    displayName: 'Ana',
    ...overrides,
  };
}

/**
 * Counts calls and records when they came (by `Date.now()`, which fake timers drive); `fail` makes calls reject;
 * `hold` keeps them pending until `release`.
 */
export function fakeKenjo(initial: DirectoryEmployee[]) {
  const fake = {
    list: initial,
    calls: 0,
    callTimes: [] as number[],
    fail: false,
    held: [] as (() => void)[],
    hold: false,
    listEmployees(): Promise<DirectoryEmployee[]> {
      fake.calls += 1;
      fake.callTimes.push(Date.now());
      const answer = () =>
        fake.fail ? Promise.reject(new Error('Kenjo is down')) : Promise.resolve([...fake.list]);
      if (!fake.hold) return answer();
      return new Promise((resolve, reject) => fake.held.push(() => answer().then(resolve, reject)));
    },
    release() {
      for (const run of fake.held.splice(0)) run();
    },
  };
  return fake;
}
