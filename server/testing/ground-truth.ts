/**
 * What Kenjo (the simulator) ended up with, in the scenario's terms: per employee, the wall-clock minutes of the
 * applied calls in the order they were applied, and every attendance entry with its overnight flag. The delivery
 * tests compare these with the scenario's expectations.
 */
import type { RunningSimulator } from '../simulator';
import type { ExpectedEntry } from './scenario';

const minute = (wallTime: string | null): string | null => (wallTime === null ? null : wallTime.slice(0, 16));

/** Per employee, the minutes of the calls Kenjo applied, in order. */
export function appliedMinutesByUser(sim: RunningSimulator): Map<string, string[]> {
  const byUser = new Map<string, string[]>();
  for (const entry of sim.simulator.log()) {
    byUser.set(entry.employeeId, [...(byUser.get(entry.employeeId) ?? []), entry.dateTime.slice(0, 16)]);
  }
  return byUser;
}

type Entry = Omit<ExpectedEntry, 'end'> & { end: string | null };

/** Kenjo's entries as the scenario states them (minutes), sorted by employee and start. */
export function kenjoEntries(sim: RunningSimulator): Entry[] {
  const entries = sim.simulator.state().attendances.map((e) => ({
    userId: e.userId,
    date: e.date,
    start: minute(e.startTime) ?? '',
    end: minute(e.endTime),
    overnight: e.isOvernightShift,
  }));
  return sortedEntries(entries);
}

/** Entries in one order (employee, then start), so that two lists compare equal whatever order they were made in. */
export function sortedEntries<T extends { userId: string; start: string }>(list: readonly T[]): T[] {
  const key = (e: T) => `${e.userId} ${e.start}`;
  return [...list].sort((a, b) => key(a).localeCompare(key(b)));
}
