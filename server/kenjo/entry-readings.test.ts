import { describe, expect, it } from 'vitest';
import { judgeReadBack, type KnownPunch } from './entry-readings';
import type { KenjoAttendance, ReadBackEmployee } from './types';

const ANA: ReadBackEmployee = { userId: 'ana', email: 'ana@x.example', externalId: 'B-1' };
const BEN: ReadBackEmployee = { userId: 'ben', email: null, externalId: null };
/** Berlin in February is UTC+1. */
const atMs = (wall: string) => Date.parse(`${wall}+01:00`);
const punch = (wall: string) => ({ dateTime: wall, atMs: atMs(wall) });
const known = (employee: ReadBackEmployee, wall: string): KnownPunch => ({ employee, ...punch(wall) });
let n = 0;
const entry = (userId: string | null, startTime: string, endTime: string | null = null): KenjoAttendance => ({
  id: `e${(n += 1)}`,
  userId,
  email: userId === null ? 'ana@x.example' : null,
  externalId: null,
  startTime,
  endTime,
});

/** Ben's 07:45:13 is known to be in Kenjo; Ana's 08:00:41 is in doubt. Each Kenjo writes the two its own way. */
describe.each([
  ['the wall clock, seconds kept', '2026-02-04T07:45:13.000Z', '2026-02-04T08:00:41.000Z'],
  ['the wall clock, seconds truncated', '2026-02-04T07:45:00.000Z', '2026-02-04T08:00:00.000Z'],
  ['a UTC instant, seconds kept', '2026-02-04T06:45:13.000Z', '2026-02-04T07:00:41.000Z'],
  ['a UTC instant, seconds truncated', '2026-02-04T06:45:00.000Z', '2026-02-04T07:00:00.000Z'],
  ['an offset instead of Z', '2026-02-04T07:45:13+01:00', '2026-02-04T08:00:41+01:00'],
])('a Kenjo writing %s', (_name, benTime, anaTime) => {
  const question = {
    employee: ANA,
    punch: punch('2026-02-04T08:00:41'),
    known: [known(BEN, '2026-02-04T07:45:13')],
    learned: null,
  };

  it('finds the punch when it landed', () => {
    const { verdict } = judgeReadBack([entry('ben', benTime), entry('ana', anaTime)], question);
    expect(verdict.kind).toBe('present');
  });

  it('misses it when it did not', () => {
    const { verdict } = judgeReadBack([entry('ben', benTime)], question);
    expect(verdict.kind).toBe('absent');
  });
});

describe('judgeReadBack', () => {
  it('counts the punches of that time already sent, so one more means this call landed', () => {
    const q = {
      employee: ANA,
      punch: punch('2026-02-04T08:00:41'),
      known: [known(ANA, '2026-02-04T08:00:41')],
      learned: null,
    };
    const once = [entry('ana', '2026-02-04T08:00:41.000Z')];
    expect(judgeReadBack(once, q).verdict).toMatchObject({ kind: 'absent', inKenjo: 1, alreadySent: 1 });
    const twice = [...once, entry('ana', '2026-02-04T08:00:41.000Z', '2026-02-04T12:00:00.000Z')];
    expect(judgeReadBack(twice, q).verdict).toMatchObject({ kind: 'present', inKenjo: 2, alreadySent: 1 });
  });

  it.each([
    ['the next day', '2026-02-04T06:00:09.000Z'],
    ['the start day', '2026-02-03T06:00:09.000Z'],
  ])('finds an overnight end dated %s', (_name, endTime) => {
    const q = {
      employee: ANA,
      punch: punch('2026-02-04T06:00:09'),
      known: [known(ANA, '2026-02-03T22:00:17')],
      learned: null,
    };
    const { verdict } = judgeReadBack([entry('ana', '2026-02-03T22:00:17.000Z', endTime)], q);
    expect(verdict.kind).toBe('present');
  });

  it('matches entries without a userId by email', () => {
    const q = {
      employee: ANA,
      punch: punch('2026-02-04T08:00:41'),
      known: [known(ANA, '2026-02-04T07:00:02')],
      learned: null,
    };
    const { verdict } = judgeReadBack(
      [entry(null, '2026-02-04T07:00:02.000Z', '2026-02-04T08:00:41.000Z')],
      q,
    );
    expect(verdict.kind).toBe('present');
  });

  it('is unsettled when a punch known to be in Kenjo is missing, however times are read', () => {
    const q = {
      employee: ANA,
      punch: punch('2026-02-04T08:00:41'),
      known: [known(BEN, '2026-02-04T07:45:13')],
      learned: null,
    };
    const { verdict, standing } = judgeReadBack([entry('ana', '2026-02-04T08:00:41.000Z')], q);
    expect(verdict.kind).toBe('unsettled');
    expect(standing).toEqual([]);
  });

  it('is unsettled without evidence when the readings disagree, and uses what was learned otherwise', () => {
    const q = { employee: ANA, punch: punch('2026-02-04T08:00:41'), known: [], learned: null };
    const landed = [entry('ana', '2026-02-04T08:00:41.000Z')];
    expect(judgeReadBack(landed, q).verdict.kind).toBe('unsettled');
    const learned = [{ clock: 'wall' as const, unitMs: 1000 as const }];
    expect(judgeReadBack(landed, { ...q, learned }).verdict.kind).toBe('present');
    // Nothing there under any reading: no doubt at all.
    expect(judgeReadBack([], q).verdict.kind).toBe('absent');
  });

  it('is unsettled when readings the evidence leaves standing disagree (an entry no one here sent)', () => {
    // Evidence without seconds cannot tell whether Kenjo keeps them; an entry at 08:00:00 by someone else's hand
    // would be this punch under truncation and not under seconds kept.
    const q = {
      employee: ANA,
      punch: punch('2026-02-04T08:00:41'),
      known: [known(BEN, '2026-02-04T07:45:00')],
      learned: null,
    };
    const entries = [entry('ben', '2026-02-04T07:45:00.000Z'), entry('ana', '2026-02-04T08:00:00.000Z')];
    expect(judgeReadBack(entries, q).verdict.kind).toBe('unsettled');
  });
});
