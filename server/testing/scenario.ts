/**
 * A few days of a company's punches for the delivery tests: day shifts, split shifts and night shifts across
 * midnight (one across the October DST change), plus double scans a few seconds after a real punch, possibly at
 * another kiosk. A double scan and its original share a wall-clock minute; which one the window ignores depends on
 * arrival, so expectations are stated per minute.
 */
import { randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { addDays, toWallTime } from '../../core/wall-time';
import type { EmployeeRef, Punch } from '../../core/punch';
import type { SimEmployee } from '../simulator';
import { createRandom } from '../simulator/faults';

export const SCENARIO_ZONE = 'Europe/Berlin';

export interface ScenarioPunch {
  kioskId: string;
  punch: Punch;
  atMs: number;
  userId: string;
  /** A second scan within the window of a real punch; exactly one of the two may reach Kenjo. */
  doubleScan: boolean;
}

export interface ExpectedEntry {
  userId: string;
  date: string;
  /** Wall-clock minutes, `YYYY-MM-DDThh:mm`. */
  start: string;
  end: string;
  overnight: boolean;
}

export interface Scenario {
  punches: ScenarioPunch[];
  entries: ExpectedEntry[];
  /** Per employee, the wall-clock minutes Kenjo must receive, in order. */
  minutesByUser: Map<string, string[]>;
}

/** Deterministic dice (mulberry32), so a failing run can be reproduced from its seed. */
/**
 * Punches in time order cut into batches, one per run of one kiosk's consecutive punches: posted in this order, a
 * punch never reaches the proxy after a later one of the same person (a kiosk that was offline would deliver late,
 * and Kenjo cannot take a punch back in order).
 */
export function kioskRuns(
  ordered: readonly ScenarioPunch[],
): Array<{ kioskId: string; batch: ScenarioPunch[] }> {
  const runs: Array<{ kioskId: string; batch: ScenarioPunch[] }> = [];
  for (const punch of ordered) {
    const last = runs.at(-1);
    if (last?.kioskId === punch.kioskId) last.batch.push(punch);
    else runs.push({ kioskId: punch.kioskId, batch: [punch] });
  }
  return runs;
}

/** The simulator's seeded generator: a scenario and the faults it meets replay the same from one seed. */
export const seededRandom = createRandom;

function instant(date: string, hour: number, minute: number, second = 0): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new TZDate(y, m - 1, d, hour, minute, second, SCENARIO_ZONE).getTime();
}

type Shift = [startDate: string, startHour: number, endDate: string, endHour: number];

function shiftsOf(pattern: number, day: string): Shift[] {
  if (pattern === 0) return [[day, 7, day, 15]];
  if (pattern === 1)
    return [
      [day, 8, day, 11],
      [day, 12, day, 16],
    ];
  return [[day, 21, addDays(day, 1), 5]];
}

export function buildScenario(options: {
  employees: readonly SimEmployee[];
  kioskIds: readonly string[];
  days: readonly string[];
  seed: number;
  doubleScanShare: number;
  /** Real punches at 1–10 s past the minute (a double scan then stays in its minute), so that seconds matter. */
  withSeconds?: boolean;
}): Scenario {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const punches: ScenarioPunch[] = [];
  const entries: ExpectedEntry[] = [];
  const minutesByUser = new Map<string, string[]>();

  options.employees.forEach((employee, index) => {
    const ref: EmployeeRef =
      index % 5 === 4 || employee.externalId === null
        ? { email: employee.email }
        : { externalId: employee.externalId };
    const homeKiosk = options.kioskIds[index % options.kioskIds.length] ?? 'kiosk';
    const real: number[] = [];
    for (const day of options.days) {
      for (const [startDate, startHour, endDate, endHour] of shiftsOf(index % 3, day)) {
        const second = () => (options.withSeconds === true ? 1 + Math.floor(random() * 10) : 0);
        const startMs = instant(startDate, startHour, Math.floor(random() * 60), second());
        const spreadHours = index % 3 === 1 ? 0 : Math.floor(random() * 2);
        const endMs = instant(endDate, endHour + spreadHours, Math.floor(random() * 60), second());
        real.push(startMs, endMs);
        entries.push({
          userId: employee._id,
          date: startDate,
          start: toWallTime(startMs, SCENARIO_ZONE).slice(0, 16),
          end: toWallTime(endMs, SCENARIO_ZONE).slice(0, 16),
          overnight: startDate !== endDate,
        });
      }
    }
    minutesByUser.set(
      employee._id,
      real.map((ms) => toWallTime(ms, SCENARIO_ZONE).slice(0, 16)),
    );
    for (const atMs of real) {
      const base = { userId: employee._id, punch: { employee: ref } };
      punches.push({
        ...base,
        kioskId: homeKiosk,
        atMs,
        doubleScan: false,
        punch: { ...base.punch, id: randomUUID(), at: new Date(atMs).toISOString() },
      });
      if (random() < options.doubleScanShare) {
        const againMs = atMs + (5 + Math.floor(random() * 45)) * 1000;
        punches.push({
          ...base,
          kioskId: pick(options.kioskIds),
          atMs: againMs,
          doubleScan: true,
          punch: { ...base.punch, id: randomUUID(), at: new Date(againMs).toISOString() },
        });
      }
    }
  });
  return { punches, entries, minutesByUser };
}
