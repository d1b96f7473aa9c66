/**
 * Ten punches per employee over two working days in Europe/Berlin. Even employees work days (two entries on day 1,
 * three on day 2); odd employees work nights 22:00 → 06:00 with a break at 01:00, so two of their punches close an
 * overnight entry, plus a 14:00–16:00 meeting between the nights. Minutes vary per employee so that no two punches of
 * one employee share a wall-clock minute.
 */
import { randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { toWallTime } from '../../core/wall-time';
import type { EmployeeRef } from '../../core/punch';
import type { NewPunch } from '../../server/ledger/ledger';
import type { SimEmployee } from '../../server/simulator';

export const PLAN_ZONE = 'Europe/Berlin';
/** The first working day; the plan spans it, the next day and the morning after. */
export const PLAN_DAY = '2026-02-02';

export interface PlannedPunch {
  id: string;
  employee: SimEmployee;
  ref: EmployeeRef;
  at: string;
  atMs: number;
  kenjoDateTime: string;
  /** Whether this punch closes an overnight entry in the plan (the replay must decide the same). */
  closesOvernight: boolean;
}

type Slot = [dayOffset: number, hour: number, minute: number, closesOvernight: boolean];

const DAY_SHIFTS: Slot[] = [
  [0, 8, 0, false],
  [0, 12, 0, false],
  [0, 12, 30, false],
  [0, 17, 0, false],
  [1, 8, 0, false],
  [1, 12, 0, false],
  [1, 12, 30, false],
  [1, 15, 0, false],
  [1, 15, 30, false],
  [1, 17, 0, false],
];

const NIGHT_SHIFTS: Slot[] = [
  [0, 22, 0, false],
  [1, 1, 0, true],
  [1, 1, 30, false],
  [1, 6, 0, false],
  [1, 14, 0, false],
  [1, 16, 0, false],
  [1, 22, 0, false],
  [2, 1, 0, true],
  [2, 1, 30, false],
  [2, 6, 0, false],
];

function instant(dayOffset: number, hour: number, minute: number): number {
  const [y = 2026, m = 1, d = 1] = PLAN_DAY.split('-').map(Number);
  return new TZDate(y, m - 1, d + dayOffset, hour, minute, 0, PLAN_ZONE).getTime();
}

/** `daysLater` moves the whole plan by that many days (negative: earlier), for a second plan of the same people. */
export function planPunches(
  employees: readonly SimEmployee[],
  perEmployee = 10,
  daysLater = 0,
): PlannedPunch[] {
  return employees.flatMap((employee, index) => {
    const slots = (index % 2 === 0 ? DAY_SHIFTS : NIGHT_SHIFTS).slice(0, perEmployee);
    const jitter = index % 20;
    const ref: EmployeeRef = { externalId: employee.externalId ?? employee.email };
    return slots.map(([day, hour, minute, closesOvernight]) => {
      const atMs = instant(day + daysLater, hour, minute + jitter) + (index % 60) * 1000;
      return {
        id: randomUUID(),
        employee,
        ref,
        at: new Date(atMs).toISOString(),
        atMs,
        kenjoDateTime: toWallTime(atMs, PLAN_ZONE),
        closesOvernight,
      };
    });
  });
}

/**
 * How far before a measured plan its warm-up plan lies: outside every window the replay reads around a punch, so that
 * the warm-up's delivered punches change no decision of the measured drain.
 */
export const WARM_UP_DAYS_BEFORE = 28;

/**
 * The plan a drain benchmark replays first, unmeasured: the same people, `WARM_UP_DAYS_BEFORE` days earlier. A proxy
 * that has run for a while has compiled its hot code; a fresh process spends a large part of its first thousands of
 * punches compiling it, which a production proxy does once, in its first minutes.
 */
export function warmUpPlan(employees: readonly SimEmployee[], perEmployee = 10): PlannedPunch[] {
  return planPunches(employees, perEmployee, -WARM_UP_DAYS_BEFORE);
}

/** The plan as ledger rows, already resolved to the Kenjo employee, as ingest would store them. */
export function asLedgerRows(
  punches: readonly PlannedPunch[],
  kioskId: string,
  receivedAtMs: number,
): NewPunch[] {
  return punches.map((p) => ({
    kioskId,
    id: p.id,
    employee: p.ref,
    employeeKey: p.employee._id,
    at: p.at,
    atMs: p.atMs,
    timeZone: PLAN_ZONE,
    kenjoDateTime: p.kenjoDateTime,
    status: 'queued',
    reason: null,
    receivedAtMs,
  }));
}

/** The longest chain of one employee, which no amount of concurrency can shorten. */
export function longestChain(punches: readonly PlannedPunch[]): number {
  const counts = new Map<string, number>();
  for (const p of punches) counts.set(p.employee._id, (counts.get(p.employee._id) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}
