import { describe, expect, it } from 'vitest';
import { createKenjoClient } from './client';
import { KenjoUnavailableError } from './errors';
import { ANA, API_KEY, BEN, logIn, punch, refusedBaseUrl, setup } from '../testing/simulator-fixture';
import type { ReadBackEmployee } from './types';

describe('reading back', () => {
  const anaRef: ReadBackEmployee = { userId: ANA._id, email: ANA.email, externalId: ANA.externalId };

  it('counts starts, ends and overnight ends of one employee only', async () => {
    const { client } = await setup();
    const punches = [
      punch('2026-02-03T22:00:00'),
      punch('2026-02-04T06:00:00', { isOvernightShift: true }),
      punch('2026-02-04T08:00:00'),
      punch('2026-02-04T12:00:00'),
      punch('2026-02-04T10:00:00', { externalId: BEN.externalId ?? '' }),
    ];
    for (const each of punches) expect(await client.trackTime(each)).toEqual({ kind: 'applied' });
    const counts = await Promise.all(
      ['2026-02-03T22:00:00', '2026-02-04T06:00:00', '2026-02-04T08:00:00', '2026-02-04T12:00:00'].map(
        (dateTime) => client.countPunchesAt(anaRef, dateTime),
      ),
    );
    expect(counts).toEqual([1, 1, 1, 1]);
    expect(await client.countPunchesAt(anaRef, '2026-02-04T10:00:00')).toBe(0);
    expect(await client.countPunchesAt({ userId: BEN._id }, '2026-02-04T10:00:00')).toBe(1);
  });

  it('counts a punch stored twice as two', async () => {
    const { client } = await setup();
    await client.trackTime(punch('2026-02-04T08:00:00'));
    await client.trackTime(punch('2026-02-04T08:00:00'));
    expect(await client.countPunchesAt(anaRef, '2026-02-04T08:00:00')).toBe(2);
  });

  it.each([
    ['Kenjo answers 5xx', { serverErrorRate: 1 }],
    ['Kenjo stalls past the timeout', { latencyMs: 5_000 }],
  ])('throws KenjoUnavailableError when %s', async (_label, faults) => {
    const { running, client } = await setup({}, { timeoutMs: 300 });
    await logIn(client);
    running.simulator.setFaults(faults);
    await expect(client.countPunchesAt(anaRef, '2026-02-04T08:00:00')).rejects.toBeInstanceOf(
      KenjoUnavailableError,
    );
  });

  it('throws KenjoUnavailableError when Kenjo cannot be reached', async () => {
    const client = createKenjoClient({ baseUrl: await refusedBaseUrl(), apiKey: API_KEY });
    await expect(client.countPunchesAt(anaRef, '2026-02-04T08:00:00')).rejects.toBeInstanceOf(
      KenjoUnavailableError,
    );
  });

  it('lists attendances over more than 31 days in pieces', async () => {
    const { client } = await setup();
    await client.trackTime(punch('2026-01-02T08:00:00'));
    await client.trackTime(punch('2026-03-14T08:00:00'));
    const entries = await client.listAttendances('2026-01-01', '2026-03-15');
    expect(entries.map((entry) => entry.startTime).sort()).toEqual([
      '2026-01-02T08:00:00',
      '2026-03-14T08:00:00',
    ]);
  });
});
