import { AttendanceStore } from './attendance-store';
import { TokenBook } from './auth';
import { DEMO_EMPLOYEES } from './employees';
import type { StalledConnections } from './fault-hooks';
import { createRandom, DEFAULT_FAULTS, mergeFaults, type Faults } from './faults';
import type { AppliedAs, SimEmployee, StoredEntry, TrackTimeLogEntry } from './types';

export interface SimulatorCounters {
  /** Every Kenjo API call received (control routes excluded). */
  requests: number;
  /** Successful logins. */
  logins: number;
  /** Every track-time call received, whatever its outcome. */
  trackTimeCalls: number;
  /** Track-time calls that changed the attendances (including those whose response then failed on purpose). */
  applied: number;
  /** Calls answered by an injected 5xx or 429 before being applied. */
  failedBeforeApply: number;
  /** Applied track-time calls whose response was failed on purpose. */
  failedAfterApply: number;
}

export interface Simulator {
  setFaults(partial: Partial<Faults>): Faults;
  faults(): Faults;
  /** Ground truth: every applied track-time call, in the order applied. */
  log(): TrackTimeLogEntry[];
  state(): { employees: SimEmployee[]; attendances: StoredEntry[] };
  /** Forgets attendances, log, tokens and counters and reseeds the fault dice; keeps employees and faults. */
  reset(): void;
  counters(): SimulatorCounters;
  /**
   * Makes Kenjo itself take or refuse an employee, found by `_id`, `externalId` or email (case-insensitive): while
   * inactive, track-time answers 400 "Employee not found" and `/employees` lists `isActive: false`. Survives
   * `reset()`. Throws `UnknownEmployeeError` when no employee matches.
   */
  setEmployeeActive(ref: string, active: boolean): SimEmployee;
}

export class UnknownEmployeeError extends Error {
  constructor(readonly ref: string) {
    super(`No employee has the id, badge or email ${JSON.stringify(ref)}.`);
    this.name = 'UnknownEmployeeError';
  }
}

export interface SimulatorOptions {
  apiKey?: string;
  tokenLifetimeS?: number;
  faults?: Partial<Faults>;
  employees?: readonly SimEmployee[];
  clock?: () => number;
  /** Seed of the fault dice; the same seed and the same calls give the same faults. */
  seed?: number;
}

const ZERO_COUNTERS: SimulatorCounters = {
  requests: 0,
  logins: 0,
  trackTimeCalls: 0,
  applied: 0,
  failedBeforeApply: 0,
  failedAfterApply: 0,
};

export class KenjoSimulator implements Simulator {
  readonly apiKey: string;
  readonly clock: () => number;
  private people: SimEmployee[];
  readonly store = new AttendanceStore();
  readonly tokens: TokenBook;
  readonly stalled: StalledConnections = new Map();
  random: () => number;
  private readonly seed: number;
  private currentFaults: Faults;
  private entries: TrackTimeLogEntry[] = [];
  private count: SimulatorCounters = { ...ZERO_COUNTERS };

  constructor(options: SimulatorOptions = {}) {
    this.apiKey = options.apiKey ?? 'demo-api-key';
    this.clock = options.clock ?? Date.now;
    this.people = (options.employees ?? DEMO_EMPLOYEES).map((employee) => ({ ...employee }));
    this.seed = options.seed ?? 1;
    this.random = createRandom(this.seed);
    this.tokens = new TokenBook(this.clock);
    const lifetime = options.tokenLifetimeS === undefined ? {} : { tokenLifetimeS: options.tokenLifetimeS };
    this.currentFaults = mergeFaults(mergeFaults({ ...DEFAULT_FAULTS }, lifetime), options.faults ?? {});
  }

  /** The company as Kenjo sees it now; replaced, never mutated, when an employee changes. */
  get employees(): readonly SimEmployee[] {
    return this.people;
  }

  setEmployeeActive(ref: string, active: boolean): SimEmployee {
    const email = ref.toLowerCase();
    const index = this.people.findIndex(
      (e) => e._id === ref || e.externalId === ref || e.email.toLowerCase() === email,
    );
    const current = this.people[index];
    if (current === undefined) throw new UnknownEmployeeError(ref);
    const updated = { ...current, isActive: active };
    this.people = this.people.map((employee, i) => (i === index ? updated : employee));
    return { ...updated };
  }

  setFaults(partial: Partial<Faults>): Faults {
    this.currentFaults = mergeFaults(this.currentFaults, partial);
    return this.faults();
  }

  faults(): Faults {
    return { ...this.currentFaults, commitThenFailModes: [...this.currentFaults.commitThenFailModes] };
  }

  log(): TrackTimeLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  state(): { employees: SimEmployee[]; attendances: StoredEntry[] } {
    return { employees: this.employees.map((e) => ({ ...e })), attendances: this.store.all() };
  }

  reset(): void {
    this.store.clear();
    this.tokens.clear();
    this.entries = [];
    this.count = { ...ZERO_COUNTERS };
    this.random = createRandom(this.seed);
  }

  counters(): SimulatorCounters {
    return { ...this.count };
  }

  bump(counter: keyof SimulatorCounters): void {
    this.count[counter] += 1;
  }

  recordApplied(employeeId: string, dateTime: string, isOvernightShift: boolean, appliedAs: AppliedAs): void {
    this.count.applied += 1;
    const seq = this.entries.length + 1;
    this.entries.push({ seq, employeeId, dateTime, isOvernightShift, appliedAs, receivedAtMs: this.clock() });
  }
}
