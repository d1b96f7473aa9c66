/**
 * The read variants of `GET /attendances`: what Kenjo's contract leaves open, each switchable at start and at run
 * time. The simulator's ground truth (its control pages) never changes with them.
 */
import { describe, expect, it } from 'vitest';
import { demoEmployee, harness } from '../testing/simulator-support';

const ANA = demoEmployee(0);

async function seeded(faults: Parameters<typeof harness>[0] = {}) {
  const h = await harness(faults);
  // 22:10:42 on 1 Feb closed overnight at 06:05:09 on 2 Feb; 09:00:30 on 3 Feb left open.
  await h.trackTime({ externalId: ANA.externalId, dateTime: '2026-02-01T22:10:42' });
  await h.trackTime({ externalId: ANA.externalId, dateTime: '2026-02-02T06:05:09', isOvernightShift: true });
  await h.trackTime({ externalId: ANA.externalId, dateTime: '2026-02-03T09:00:30' });
  return h;
}

const times = (body: unknown) =>
  (body as Array<{ startTime: string; endTime?: string | null }>).map((e) => [e.startTime, e.endTime]);

describe('GET /attendances read variants', () => {
  it('by default: the wall clock behind the Z, seconds kept, open entries without endTime', async () => {
    const h = await seeded();
    const { body } = await h.listAttendances('from=2026-02-01&to=2026-02-03');
    expect(times(body)).toEqual([
      ['2026-02-01T22:10:42.000Z', '2026-02-02T06:05:09.000Z'],
      ['2026-02-03T09:00:30.000Z', undefined],
    ]);
    expect(Object.keys((body as object[])[1] ?? {})).not.toContain('endTime');
  });

  it('truncates seconds on read, set at start', async () => {
    const h = await seeded({ faults: { readSecondsTruncated: true } });
    const { body } = await h.listAttendances('from=2026-02-01&to=2026-02-03');
    expect(times(body)).toEqual([
      ['2026-02-01T22:10:00.000Z', '2026-02-02T06:05:00.000Z'],
      ['2026-02-03T09:00:00.000Z', undefined],
    ]);
    // The ground truth keeps the seconds.
    expect(h.sim.state().attendances.map((e) => e.startTime)).toContain('2026-02-01T22:10:42');
  });

  it('answers the Z as a true UTC instant in a configured zone, switched at run time', async () => {
    const h = await seeded();
    h.sim.setFaults({ readUtcZone: 'Europe/Berlin' });
    const { body } = await h.listAttendances('from=2026-02-01&to=2026-02-03');
    expect(times(body)).toEqual([
      ['2026-02-01T21:10:42.000Z', '2026-02-02T05:05:09.000Z'],
      ['2026-02-03T08:00:30.000Z', undefined],
    ]);
    h.sim.setFaults({ readUtcZone: null });
    expect(times((await h.listAttendances('from=2026-02-03&to=2026-02-03')).body)).toEqual([
      ['2026-02-03T09:00:30.000Z', undefined],
    ]);
  });

  it('can treat `to` as exclusive', async () => {
    const h = await seeded({ faults: { readToExclusive: true } });
    expect(times((await h.listAttendances('from=2026-02-01&to=2026-02-03')).body)).toEqual([
      ['2026-02-01T22:10:42.000Z', '2026-02-02T06:05:09.000Z'],
    ]);
    expect((await h.listAttendances('from=2026-02-03&to=2026-02-03')).body).toEqual([]);
  });

  it('can answer open entries with endTime: null', async () => {
    const h = await seeded({ faults: { readOpenEndNull: true } });
    const { body } = await h.listAttendances('from=2026-02-03&to=2026-02-03');
    expect(body).toEqual([expect.objectContaining({ startTime: '2026-02-03T09:00:30.000Z', endTime: null })]);
  });

  it('pages the list in a {data, metadata} envelope, offset being the page from 1', async () => {
    const h = await seeded({ faults: { readPageSize: 1 } });
    const first = await h.listAttendances('from=2026-02-01&to=2026-02-03');
    expect(first.body).toEqual({
      data: [expect.objectContaining({ startTime: '2026-02-01T22:10:42.000Z' })],
      metadata: { count: 1, offset: 1, limit: 1, total: 2 },
    });
    const second = await h.listAttendances('from=2026-02-01&to=2026-02-03&offset=2');
    expect(second.body).toEqual({
      data: [expect.objectContaining({ startTime: '2026-02-03T09:00:30.000Z' })],
      metadata: { count: 1, offset: 2, limit: 1, total: 2 },
    });
    const past = await h.listAttendances('from=2026-02-01&to=2026-02-03&offset=3');
    expect(past.body).toEqual({ data: [], metadata: { count: 0, offset: 3, limit: 1, total: 2 } });
  });

  it('refuses a zone that is not IANA', async () => {
    const h = await harness();
    expect(() => h.sim.setFaults({ readUtcZone: 'Mars/Olympus' })).toThrow(/readUtcZone/);
  });
});
