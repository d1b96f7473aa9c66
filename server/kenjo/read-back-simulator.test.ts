/**
 * The read-back against the simulator in every read variant Kenjo's contract allows: the client reads the
 * published shape, follows paging, and, from punches known to be applied, finds whether an ambiguous punch landed.
 */
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import type { Faults } from '../simulator/faults';
import { createKenjoClient } from './client';
import { judgeReadBack } from './entry-readings';
import { KenjoUnavailableError } from './errors';
import { ANA, API_KEY, BEN, logIn, punch, refusedBaseUrl, setup } from '../testing/simulator-fixture';
import type { ReadBackEmployee } from './types';

const ZONE = 'Europe/Berlin';
const anaRef: ReadBackEmployee = { userId: ANA._id, email: ANA.email, externalId: ANA.externalId };
const benRef: ReadBackEmployee = { userId: BEN._id, email: BEN.email, externalId: BEN.externalId };
const atMs = (wall: string) => {
  const [y, mo, d, h, mi, s] = wall.split(/[-T:]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new TZDate(y, mo - 1, d, h, mi, s, ZONE).getTime();
};
const known = (employee: ReadBackEmployee, dateTime: string) => ({
  employee,
  dateTime,
  atMs: atMs(dateTime),
});

const VARIANTS: Array<[string, Partial<Faults>]> = [
  ['the published shape', {}],
  ['seconds truncated', { readSecondsTruncated: true }],
  ['Z as a UTC instant', { readUtcZone: ZONE }],
  ['to exclusive', { readToExclusive: true }],
  ['paged by 2', { readPageSize: 2 }],
  ['open entries with endTime null', { readOpenEndNull: true }],
  [
    'everything at once',
    { readSecondsTruncated: true, readUtcZone: ZONE, readToExclusive: true, readPageSize: 3 },
  ],
];

describe('reading back in every read variant', () => {
  it.each(VARIANTS)('%s: finds a punch that landed and misses one that did not', async (_label, faults) => {
    const { client } = await setup({ faults });
    // Known to be applied: Ana overnight 3→4 Feb and a morning; Ben's day. Then Ana's 12:00:41, whose answer was lost.
    const sent = [
      known(anaRef, '2026-02-03T22:00:17'),
      known(anaRef, '2026-02-04T06:00:05'),
      known(anaRef, '2026-02-04T08:00:29'),
      known(benRef, '2026-02-04T07:59:58'),
      known(benRef, '2026-02-04T16:30:44'),
    ];
    for (const p of sent) {
      const overnight = p.dateTime === '2026-02-04T06:00:05';
      const ref = { externalId: p.employee.externalId ?? '', isOvernightShift: overnight };
      expect(await client.trackTime(punch(p.dateTime, ref))).toEqual({ kind: 'applied' });
    }
    const ask = async (dateTime: string) => {
      const { entries, skipped } = await client.listAttendances('2026-02-02', '2026-02-05');
      expect(skipped).toBe(0);
      return judgeReadBack(entries, {
        employee: anaRef,
        punch: known(anaRef, dateTime),
        known: sent,
        learned: null,
      }).verdict.kind;
    };
    expect(await ask('2026-02-04T12:00:41')).toBe('absent');
    await client.trackTime(punch('2026-02-04T12:00:41'));
    expect(await ask('2026-02-04T12:00:41')).toBe('present');
  });

  it('counts a punch stored twice as two, so a third is not taken for the second', async () => {
    const { client } = await setup();
    const first = known(anaRef, '2026-02-04T08:00:00');
    await client.trackTime(punch(first.dateTime));
    await client.trackTime(punch(first.dateTime));
    const { entries } = await client.listAttendances('2026-02-02', '2026-02-05');
    const judged = judgeReadBack(entries, { employee: anaRef, punch: first, known: [first], learned: null });
    expect(judged.verdict).toMatchObject({ kind: 'present', inKenjo: 2, alreadySent: 1 });
  });

  it('follows every page of a paged answer', async () => {
    const { running, client } = await setup({ faults: { readPageSize: 2 } });
    for (const hour of ['06', '07', '08', '09', '10'])
      await client.trackTime(punch(`2026-02-04T${hour}:00:00`));
    const { entries } = await client.listAttendances('2026-02-04', '2026-02-04');
    expect(entries.map((e) => e.startTime)).toEqual([
      '2026-02-04T06:00:00.000Z',
      '2026-02-04T08:00:00.000Z',
      '2026-02-04T10:00:00.000Z',
    ]);
    // 1 login, 5 punches, 2 pages.
    expect(running.simulator.counters().requests).toBe(8);
  });

  it.each([
    ['Kenjo answers 5xx', { serverErrorRate: 1 }],
    ['Kenjo stalls past the timeout', { latencyMs: 5_000 }],
  ])('throws KenjoUnavailableError when %s', async (_label, faults) => {
    const { running, client } = await setup({}, { timeoutMs: 300 });
    await logIn(client);
    running.simulator.setFaults(faults);
    await expect(client.listAttendances('2026-02-04', '2026-02-04')).rejects.toBeInstanceOf(
      KenjoUnavailableError,
    );
  });

  it('throws KenjoUnavailableError when Kenjo cannot be reached', async () => {
    const client = createKenjoClient({ baseUrl: await refusedBaseUrl(), apiKey: API_KEY });
    await expect(client.listAttendances('2026-02-04', '2026-02-04')).rejects.toBeInstanceOf(
      KenjoUnavailableError,
    );
  });

  it('lists attendances over more than 31 days in pieces', async () => {
    const { client } = await setup();
    await client.trackTime(punch('2026-01-02T08:00:00'));
    await client.trackTime(punch('2026-03-14T08:00:00'));
    const { entries } = await client.listAttendances('2026-01-01', '2026-03-15');
    expect(entries.map((entry) => entry.startTime).sort()).toEqual([
      '2026-01-02T08:00:00.000Z',
      '2026-03-14T08:00:00.000Z',
    ]);
  });
});
