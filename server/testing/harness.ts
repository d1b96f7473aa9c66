/** Small factories for the replay engine's tests: a `:memory:` ledger, punches, a directory, a clock, a log. */
import { randomUUID } from 'node:crypto';
import { DEFAULT_DOUBLE_SCAN_WINDOW_S } from '../../core/double-scan';
import { toWallTime } from '../../core/wall-time';
import type { EmployeeRef } from '../../core/punch';
import type { Ledger, LedgerPunch, NewPunch } from '../ledger/ledger';
import { beginStep } from '../replay/step';
import type {
  EmployeeResolution,
  ReplayDirectory,
  ReplayLogger,
  StepContext,
  StepResult,
} from '../replay/types';
import { createFakeKenjo, type FakeKenjo, type FakeKenjoOptions } from './fake-kenjo';
import { asyncOf, insertPunches, memoryLedger, newPunch } from './ledger-factories';

export const ZONE = 'Europe/Berlin';

export { memoryLedger };

/** A queued punch of user `u1` at `at` (an instant with offset) on Berlin's wall clock; overrides win. */
export function punchAt(at: string, overrides: Partial<NewPunch> = {}): NewPunch {
  const atMs = Date.parse(at);
  const key = overrides.employeeKey === undefined ? 'u1' : overrides.employeeKey;
  return newPunch({
    id: randomUUID(),
    employee: { userId: key ?? 'unknown' },
    employeeKey: key,
    at,
    atMs,
    timeZone: ZONE,
    kenjoDateTime: toWallTime(atMs, ZONE),
    receivedAtMs: atMs,
    ...overrides,
  });
}

/** Inserts the punches and returns them as stored. */
export function insert(ledger: Ledger, ...punches: NewPunch[]): LedgerPunch[] {
  insertPunches(ledger, punches);
  return punches.map((p) => must(ledger.getPunch(p.kioskId, p.id)));
}

export function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string | undefined;
}

export function memoryLogger(): ReplayLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const push = (level: LogLine['level']) => (obj: object, msg?: string) =>
    void lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

/** A replay directory that knows badges as `{ 'B-1': 'u1' }`; anything else is unknown. */
export function badgeDirectory(
  badges: Record<string, string>,
  override?: (ref: EmployeeRef) => EmployeeResolution | null,
): ReplayDirectory {
  return {
    resolve(ref) {
      const forced = override?.(ref);
      if (forced) return forced;
      const userId = 'externalId' in ref ? badges[ref.externalId] : 'userId' in ref ? ref.userId : undefined;
      return userId === undefined
        ? { kind: 'unknown', reason: 'no such employee in Kenjo' }
        : { kind: 'found', userId };
    },
  };
}

export interface StepHarness {
  ctx: StepContext;
  ledger: Ledger;
  kenjo: FakeKenjo;
  logger: ReturnType<typeof memoryLogger>;
  clock: { ms: number };
}

export function stepHarness(
  options: { kenjo?: FakeKenjoOptions; directory?: ReplayDirectory } = {},
): StepHarness {
  const ledger = memoryLedger();
  const kenjo = createFakeKenjo(options.kenjo);
  const logger = memoryLogger();
  const clock = { ms: Date.parse('2026-02-04T12:00:00Z') };
  const ctx: StepContext = {
    ledger: asyncOf(ledger),
    kenjo,
    directory: options.directory ?? badgeDirectory({}),
    now: () => clock.ms,
    maxShiftHours: 16,
    doubleScanWindowS: DEFAULT_DOUBLE_SCAN_WINDOW_S,
    backoff: { baseMs: 1000, maxMs: 300_000 },
    readBackDelayMs: 2000,
    othersCallsEndedAtMs: () => -Infinity,
    random: () => 0.5,
    readings: { learned: null },
    logger,
  };
  return { ctx, ledger, kenjo, logger, clock };
}

/** One whole step, with a commit of its own on each side of the call (the loop does this for many steps at once). */
export async function runStep(ctx: StepContext, head: LedgerPunch): Promise<StepResult> {
  const begun = await beginStep(ctx, head);
  if (begun.kind === 'ended') return begun.result;
  const answer = await begun.call();
  return answer.record();
}
