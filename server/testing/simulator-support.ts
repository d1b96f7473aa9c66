import type { FastifyInstance } from 'fastify';
import { buildSimulatorApp } from '../simulator/app';
import { DEMO_EMPLOYEES } from '../simulator/employees';
import { KenjoSimulator, type SimulatorOptions } from '../simulator/simulator';
import type { SimEmployee } from '../simulator/types';

/** An in-process simulator and a logged-in caller, for `app.inject` tests. */
export interface Harness {
  app: FastifyInstance;
  sim: KenjoSimulator;
  token: string;
  trackTime(body: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** The simulator's ground truth of entries dated `from`..`to`, with the fields Kenjo's API leaves out. */
  attendances(from: string, to?: string): Promise<AttendanceRow[]>;
  /** What Kenjo's `GET /attendances` answers. */
  listAttendances(query: string): Promise<{ status: number; body: unknown }>;
}

/** A stored entry with Kenjo's `.000Z` times, in the order `GET /attendances` lists entries. */
export interface AttendanceRow {
  _id: string;
  userId: string;
  date: string;
  startTime: string;
  endTime: string | null;
  isOvernightShift: boolean;
}

export async function harness(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = new KenjoSimulator(options);
  const app = await buildSimulatorApp(sim);
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { apiKey: sim.apiKey },
  });
  const token = (login.json() as { token: string }).token;
  const authorization = token;
  return {
    app,
    sim,
    token,
    async trackTime(body) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/attendances/track-time',
        headers: { authorization },
        payload: body,
      });
      return { status: res.statusCode, body: res.json() };
    },
    async attendances(from, to = from) {
      const z = (wall: string) => `${wall}.000Z`;
      return sim.store
        .all()
        .filter((entry) => entry.date >= from && entry.date <= to)
        .sort((a, b) => (a.date + a.startTime + a._id < b.date + b.startTime + b._id ? -1 : 1))
        .map((entry) => ({
          _id: entry._id,
          userId: entry.userId,
          date: z(`${entry.date}T00:00:00`),
          startTime: z(entry.startTime),
          endTime: entry.endTime === null ? null : z(entry.endTime),
          isOvernightShift: entry.isOvernightShift,
        }));
    },
    async listAttendances(query) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/attendances?${query}`,
        headers: { authorization },
      });
      return { status: res.statusCode, body: res.json() };
    },
  };
}

/** `08:00–09:00`, `10:00–open`, `22:00–06:00+1` from a listing, for compact expectations. */
export function spans(rows: readonly AttendanceRow[]): string[] {
  const hm = (t: string) => t.slice(11, 16);
  return rows.map((row) => {
    if (row.endTime === null) return `${hm(row.startTime)}–open`;
    const nextDay = row.endTime.slice(0, 10) !== row.startTime.slice(0, 10) ? '+1' : '';
    return `${hm(row.startTime)}–${hm(row.endTime)}${nextDay}`;
  });
}

/** The demo employee at `index`, for tests (the list is fixed, so a missing one is a broken test). */
export function demoEmployee(index: number): SimEmployee {
  const employee = DEMO_EMPLOYEES[index];
  if (!employee) throw new Error(`no demo employee at ${index}`);
  return employee;
}
