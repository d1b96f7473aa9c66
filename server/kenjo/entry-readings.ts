/**
 * What Kenjo's entry times mean, decided from punches known to be in Kenjo. Kenjo's contract leaves open whether the
 * `Z` of `2026-02-04T08:00:00.000Z` is the wall clock (its examples) or a true UTC instant, whether seconds are kept,
 * and how an overnight end is dated. Each way of reading the times is tried against the punches the ledger knows
 * were applied: a reading under which Kenjo lacks one of them is wrong. A read-back is answered only when every
 * reading still standing gives the same answer; otherwise it is `unsettled`, and an operator decides.
 */
import type { KenjoAttendance, ReadBackEmployee } from './types';
import { belongsTo } from './read-back';

export interface Reading {
  clock: 'wall' | 'utc';
  unitMs: 1000 | 60_000;
}

export const READINGS: readonly Reading[] = [
  { clock: 'wall', unitMs: 1000 },
  { clock: 'wall', unitMs: 60_000 },
  { clock: 'utc', unitMs: 1000 },
  { clock: 'utc', unitMs: 60_000 },
];

export function describeReading({ clock, unitMs }: Reading): string {
  const z = clock === 'wall' ? 'the wall clock behind the Z' : 'a UTC instant';
  return `${z}, ${unitMs === 1000 ? 'seconds kept' : 'seconds truncated'}`;
}

/** A punch: its Kenjo `dateTime` (the wall clock sent) and its instant. */
export interface PunchTime {
  dateTime: string;
  atMs: number;
}

export interface KnownPunch extends PunchTime {
  employee: ReadBackEmployee;
}

export interface ReadBackQuestion {
  employee: ReadBackEmployee;
  punch: PunchTime;
  /**
   * Punches known to be in Kenjo whose entries the listing surely covers; all of this employee's near the punch,
   * and any number of others'. They are the evidence, and this employee's are the ones already counted.
   */
  known: readonly KnownPunch[];
  /** Readings left standing by earlier evidence, used when this listing holds none. */
  learned: readonly Reading[] | null;
}

export type ReadBackVerdict =
  | { kind: 'present' | 'absent'; inKenjo: number; alreadySent: number; detail: string }
  | { kind: 'unsettled'; detail: string };

export interface ReadBackJudgement {
  verdict: ReadBackVerdict;
  /** The readings the evidence left standing; null when there was no evidence. */
  standing: Reading[] | null;
}

const DAY_MS = 86_400_000;
const WALL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/** Kenjo's time as milliseconds of the reading's clock (wall clocks count as if they were UTC); NaN when unreadable. */
function stampMs(stamp: string, clock: Reading['clock']): number {
  if (clock === 'utc') return HAS_ZONE.test(stamp) ? Date.parse(stamp) : Number.NaN;
  const m = WALL.exec(stamp);
  return m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}Z`) : Number.NaN;
}

function punchKey(punch: PunchTime, { clock, unitMs }: Reading): number {
  const ms = clock === 'utc' ? punch.atMs : Date.parse(`${punch.dateTime}Z`);
  return Math.floor(ms / unitMs);
}

/** Keys of every start and end of `entries`; an end before its start is an overnight end dated on the start day. */
function entryKeys(entries: readonly KenjoAttendance[], { clock, unitMs }: Reading): Map<number, number> {
  const keys = new Map<number, number>();
  const add = (ms: number) => {
    if (Number.isNaN(ms)) return;
    const key = Math.floor(ms / unitMs);
    keys.set(key, (keys.get(key) ?? 0) + 1);
  };
  for (const entry of entries) {
    const start = stampMs(entry.startTime, clock);
    add(start);
    if (entry.endTime === null) continue;
    const end = stampMs(entry.endTime, clock);
    add(end < start ? end + DAY_MS : end);
  }
  return keys;
}

interface Employee {
  ref: ReadBackEmployee;
  entries: KenjoAttendance[];
  known: PunchTime[];
}

function byEmployee(entries: readonly KenjoAttendance[], question: ReadBackQuestion): Map<string, Employee> {
  const people = new Map<string, Employee>();
  const person = (ref: ReadBackEmployee) => {
    let found = people.get(ref.userId);
    if (found === undefined) {
      found = { ref, entries: [], known: [] };
      people.set(ref.userId, found);
    }
    return found;
  };
  person(question.employee);
  for (const known of question.known) person(known.employee).known.push(known);
  const withUserId = new Map<string, KenjoAttendance[]>();
  const without: KenjoAttendance[] = [];
  for (const entry of entries) {
    if (entry.userId === null) without.push(entry);
    else withUserId.set(entry.userId, [...(withUserId.get(entry.userId) ?? []), entry]);
  }
  for (const employee of people.values()) {
    employee.entries.push(...(withUserId.get(employee.ref.userId) ?? []));
    employee.entries.push(...without.filter((entry) => belongsTo(entry, employee.ref)));
  }
  return people;
}

/** The first known punch this reading cannot find in Kenjo, or null when it finds them all. */
function refutation(people: Map<string, Employee>, reading: Reading): string | null {
  for (const employee of people.values()) {
    if (employee.known.length === 0) continue;
    const inKenjo = entryKeys(employee.entries, reading);
    const wanted = new Map<number, number>();
    for (const punch of employee.known) {
      const key = punchKey(punch, reading);
      wanted.set(key, (wanted.get(key) ?? 0) + 1);
      if ((inKenjo.get(key) ?? 0) < (wanted.get(key) ?? 0)) return punch.dateTime;
    }
  }
  return null;
}

export function judgeReadBack(
  entries: readonly KenjoAttendance[],
  question: ReadBackQuestion,
): ReadBackJudgement {
  const people = byEmployee(entries, question);
  const evidence = question.known.length;
  let standing: Reading[] | null = null;
  let candidates: readonly Reading[] = question.learned ?? READINGS;
  if (evidence > 0) {
    const refuted = READINGS.map((reading) => refutation(people, reading));
    standing = READINGS.filter((_, i) => refuted[i] === null);
    if (standing.length === 0) {
      const detail = `Kenjo's entries do not show punches known to be there (${refuted[0]} among ${evidence}), however its times are read`;
      return { verdict: { kind: 'unsettled', detail }, standing };
    }
    candidates = standing;
  }
  const self = people.get(question.employee.userId) as Employee;
  const verdicts = candidates.map((reading) => {
    const key = punchKey(question.punch, reading);
    const inKenjo = entryKeys(self.entries, reading).get(key) ?? 0;
    const alreadySent = self.known.filter((punch) => punchKey(punch, reading) === key).length;
    return { reading, inKenjo, alreadySent, present: inKenjo > alreadySent };
  });
  const [first] = verdicts;
  if (first === undefined || verdicts.some((v) => v.present !== first.present)) {
    const why =
      evidence === 0
        ? 'no punch known to be in Kenjo near that day shows how Kenjo writes times'
        : 'its times can be read more than one way here';
    return { verdict: { kind: 'unsettled', detail: `Kenjo's entries cannot settle it: ${why}` }, standing };
  }
  const unit = candidates.every((r) => r.unitMs === 60_000) ? 'minute' : 'time';
  const detail = `${first.inKenjo} at that ${unit}, ${first.alreadySent} sent before; times read as ${candidates.map(describeReading).join(' or ')}`;
  return {
    verdict: {
      kind: first.present ? 'present' : 'absent',
      inKenjo: first.inKenjo,
      alreadySent: first.alreadySent,
      detail,
    },
    standing,
  };
}
