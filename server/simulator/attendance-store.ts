import { demoObjectId } from './employees';
import type { StoredEntry } from './types';
import { datePart } from './wall-clock';

/**
 * Every attendance entry, in memory, keyed by `_id`. Kenjo's pairing lives here: the punch times of one employee's
 * day (starts and ends of the entries dated that day, except closed overnight entries, which are frozen) are kept
 * sorted and paired (1st,2nd), (3rd,4th), …; an odd last time is an open entry. Duplicates are kept.
 */
export class AttendanceStore {
  private readonly entries = new Map<string, StoredEntry>();
  private nextId = 1;

  newId(): string {
    return demoObjectId('65a0f1e2', this.nextId++);
  }

  all(): StoredEntry[] {
    return [...this.entries.values()].map((entry) => ({ ...entry }));
  }

  get(id: string): StoredEntry | undefined {
    const entry = this.entries.get(id);
    return entry && { ...entry };
  }

  /** One employee's entries dated `date`, by start time. */
  ofDay(userId: string, date: string): StoredEntry[] {
    return [...this.entries.values()]
      .filter((entry) => entry.userId === userId && entry.date === date)
      .sort(byStart);
  }

  put(entry: StoredEntry): void {
    this.entries.set(entry._id, { ...entry });
  }

  delete(id: string): boolean {
    return this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
    this.nextId = 1;
  }

  /** The latest open, not frozen entry of that day: the one an overnight clock-out the next day closes. */
  openEntry(userId: string, date: string): StoredEntry | undefined {
    return this.ofDay(userId, date)
      .filter((entry) => entry.endTime === null)
      .at(-1);
  }

  closeOvernight(id: string, endTime: string): void {
    const entry = this.entries.get(id);
    if (entry) this.entries.set(id, { ...entry, endTime, isOvernightShift: true });
  }

  /** An ordinary punch: adds `wallDateTime` to its day's pool and re-pairs the day. Entry ids are reused in order. */
  punch(userId: string, wallDateTime: string): void {
    const date = datePart(wallDateTime);
    const movable = this.ofDay(userId, date).filter((entry) => !isFrozen(entry));
    const times = movable.flatMap((entry) =>
      entry.endTime === null ? [entry.startTime] : [entry.startTime, entry.endTime],
    );
    times.push(wallDateTime);
    times.sort();
    const ids = movable.map((entry) => entry._id);
    for (let i = 0; i < times.length; i += 2) {
      const startTime = times[i] as string;
      const id = ids.shift() ?? this.newId();
      this.entries.set(id, {
        _id: id,
        userId,
        date,
        startTime,
        endTime: times[i + 1] ?? null,
        isOvernightShift: false,
      });
    }
    for (const unused of ids) this.entries.delete(unused);
  }
}

/** A closed overnight entry is frozen: it no longer takes part in re-pairing its day. */
export function isFrozen(entry: StoredEntry): boolean {
  return entry.isOvernightShift && entry.endTime !== null;
}

function byStart(a: StoredEntry, b: StoredEntry): number {
  return a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : a._id < b._id ? -1 : 1;
}
