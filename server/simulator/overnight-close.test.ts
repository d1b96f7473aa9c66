import { describe, expect, it } from 'vitest';
import { demoEmployee, harness, spans, type Harness } from '../testing/simulator-support';

const ANA = demoEmployee(0);
const punch = (dateTime: string, extra: Record<string, unknown> = {}) => ({
  externalId: ANA.externalId,
  dateTime,
  ...extra,
});

async function punchAll(h: Harness, punches: readonly (string | [string, boolean])[]): Promise<void> {
  for (const p of punches) {
    const [dateTime, isOvernightShift] = typeof p === 'string' ? [p, undefined] : p;
    const body = punch(dateTime, isOvernightShift === undefined ? {} : { isOvernightShift });
    expect((await h.trackTime(body)).status).toBe(201);
  }
}

describe('the overnight close', () => {
  const START = '2026-02-03T22:00:00';
  it.each([
    {
      name: '06:00 with the flag closes the 3 Feb entry',
      punches: [START, ['2026-02-04T06:00:00', true]],
      d3: ['22:00–06:00+1'],
      d4: [],
    },
    {
      name: '00:00:00 closes (inclusive)',
      punches: [START, ['2026-02-04T00:00:00', true]],
      d3: ['22:00–00:00+1'],
      d4: [],
    },
    {
      name: '18:00:00 closes (inclusive)',
      punches: [START, ['2026-02-04T18:00:00', true]],
      d3: ['22:00–18:00+1'],
      d4: [],
    },
    {
      name: '18:00:01 is an ordinary punch on its own day',
      punches: [START, ['2026-02-04T18:00:01', true]],
      d3: ['22:00–open'],
      d4: ['18:00–open'],
    },
    {
      name: '18:01 is an ordinary punch on its own day',
      punches: [START, ['2026-02-04T18:01:00', true]],
      d3: ['22:00–open'],
      d4: ['18:01–open'],
    },
    {
      name: 'the flag without an open entry the day before is ordinary',
      punches: [['2026-02-04T06:00:00', true]],
      d3: [],
      d4: ['06:00–open'],
    },
    {
      name: 'the flag with a closed day before is ordinary',
      punches: ['2026-02-03T08:00:00', '2026-02-03T16:00:00', ['2026-02-04T06:00:00', true]],
      d3: ['08:00–16:00'],
      d4: ['06:00–open'],
    },
    {
      name: 'without the flag the open entry stays open',
      punches: [START, '2026-02-04T06:00:00'],
      d3: ['22:00–open'],
      d4: ['06:00–open'],
    },
    {
      name: 'the flag on the same day as the start is ordinary',
      punches: [START, ['2026-02-03T23:00:00', true]],
      d3: ['22:00–23:00'],
      d4: [],
    },
    {
      name: 'an open entry two days before is not closed',
      punches: ['2026-02-02T22:00:00', ['2026-02-04T06:00:00', true]],
      d3: [],
      d4: ['06:00–open'],
    },
  ] as const)('$name', async ({ punches, d3, d4 }) => {
    const h = await harness();
    await punchAll(h, punches as readonly (string | [string, boolean])[]);
    expect(spans(await h.attendances('2026-02-03'))).toEqual(d3);
    expect(spans(await h.attendances('2026-02-04'))).toEqual(d4);
  });

  it('stores one entry dated the start day, ending the next day, marked overnight', async () => {
    const h = await harness();
    await punchAll(h, [START, ['2026-02-04T06:00:00', true]]);
    expect(await h.attendances('2026-02-03', '2026-02-04')).toEqual([
      expect.objectContaining({
        date: '2026-02-03T00:00:00.000Z',
        startTime: '2026-02-03T22:00:00.000Z',
        endTime: '2026-02-04T06:00:00.000Z',
        isOvernightShift: true,
      }),
    ]);
    expect(h.sim.log().map((e) => e.appliedAs)).toEqual(['ordinary', 'overnight-close']);
  });

  it('freezes a closed overnight entry: later punches of its day re-pair without it', async () => {
    const h = await harness();
    await punchAll(h, [
      '2026-02-03T08:00:00',
      '2026-02-03T09:00:00',
      START,
      ['2026-02-04T06:00:00', true],
      '2026-02-03T07:00:00',
    ]);
    expect(spans(await h.attendances('2026-02-03'))).toEqual(['07:00–08:00', '09:00–open', '22:00–06:00+1']);
  });

  it('does not count the overnight end among the next day’s punches', async () => {
    const h = await harness();
    await punchAll(h, [START, ['2026-02-04T06:00:00', true], '2026-02-04T07:00:00', '2026-02-04T08:00:00']);
    expect(spans(await h.attendances('2026-02-04'))).toEqual(['07:00–08:00']);
  });
});
