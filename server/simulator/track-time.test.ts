import { describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEES } from './employees';
import { harness, spans } from './test-support';

const ANA = DEMO_EMPLOYEES[0]!;
const punch = (dateTime: string, extra: Record<string, unknown> = {}) => ({
  externalId: ANA.externalId,
  dateTime,
  ...extra,
});

describe('track-time pairing (the documented examples)', () => {
  it.each([
    { name: 'T1 T2 T3', times: ['08:00', '09:00', '10:00'], expected: ['08:00–09:00', '10:00–open'] },
    {
      name: 'T4 closes the second pair',
      times: ['08:00', '09:00', '10:00', '12:00'],
      expected: ['08:00–09:00', '10:00–12:00'],
    },
    {
      name: 'a late 07:00 re-pairs the day',
      times: ['08:00', '09:00', '10:00', '07:00'],
      expected: ['07:00–08:00', '09:00–10:00'],
    },
    {
      name: 'a duplicate is stored and shifts later pairs',
      times: ['08:00', '08:00', '09:00'],
      expected: ['08:00–08:00', '09:00–open'],
    },
  ])('$name', async ({ times, expected }) => {
    const h = await harness();
    for (const time of times) expect((await h.trackTime(punch(`2021-01-01T${time}:00`))).status).toBe(201);
    expect(spans(await h.attendances('2021-01-01'))).toEqual(expected);
  });
});
