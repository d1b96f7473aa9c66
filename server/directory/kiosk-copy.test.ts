import { describe, expect, it } from 'vitest';
import { identifierTag } from '../../core/identifier-hash';
import { EMPLOYEES } from '../testing/routes-harness';
import { directoryIdentifiers, kioskCopy } from './kiosk-copy';
import { LANES, slowDigests } from './slow-digests';

const FEW = 2_000;
const copyFor = (kioskId: string, digests = slowDigests('salt', FEW)) =>
  kioskCopy({ kioskId, employees: EMPLOYEES, salt: 'salt', secret: 'secret', digests });

describe("a kiosk's copy of the directory", () => {
  it('derives each identifier slowly once, whatever the number of kiosks', async () => {
    const digests = slowDigests('salt', FEW);
    const identifiers = directoryIdentifiers(EMPLOYEES);
    expect(identifiers.size).toBe(6);
    const [a, b] = await Promise.all([copyFor('kiosk-a', digests), copyFor('kiosk-b', digests)]);
    await copyFor('kiosk-c', digests);
    expect(digests.derived()).toBe(identifiers.size);
    expect(a.pepper).not.toBe(b.pepper);
    expect(a.employees[0]?.badgeHash).not.toBe(b.employees[0]?.badgeHash);
    expect(a.hash).toEqual({ name: 'PBKDF2-SHA256/HMAC-SHA256', iterations: FEW });
    const adaTag = await identifierTag('B-1001', { salt: 'salt', pepper: a.pepper, iterations: FEW });
    expect(a.employees.map((e) => e.badgeHash)).toContain(adaTag);
  });

  it('forgets the identifiers of people who left the directory', async () => {
    const digests = slowDigests('salt', FEW);
    await digests.digest('B-1001');
    await digests.digest('B-1002');
    digests.keepOnly(new Set(['B-1002']));
    await digests.digest('B-1002');
    expect(digests.derived()).toBe(2);
    await digests.digest('B-1001');
    expect(digests.derived()).toBe(3);
  });

  it('derives off the event loop: a timer runs while a directory of slow digests is derived', async () => {
    const digests = slowDigests('salt', 100_000);
    const all = Promise.all(Array.from({ length: 20 }, (_, i) => digests.digest(`B-${i}`)));
    const doneWhenTimerRan = await new Promise<number>((resolve) =>
      setTimeout(() => resolve(digests.derived()), 0),
    );
    expect(doneWhenTimerRan).toBeLessThan(20);
    expect(doneWhenTimerRan).toBeLessThanOrEqual(LANES);
    await all;
    expect(digests.derived()).toBe(20);
  });
});
