/**
 * `npm run kenjo:check`: a read-only look at a Kenjo tenant before go-live. It logs in, reads the employee lists and
 * the attendances of the last two weeks through the client's own parsing, reports what it found, and decides
 * whether the proxy can work with this tenant. It never writes: no track-time, no attendance call but GET.
 */
import { addDays } from '../../core/calendar';
import { readEmployees } from './directory';
import { KenjoUnavailableError } from './errors';
import { Health } from './health';
import { listAttendances } from './read-back';
import { Session } from './session';
import type { KenjoAttendance } from './types';

export const CHECK_DAYS = 14;

export interface PreflightOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  now?: () => number;
  print: (line: string) => void;
}

/** 0: usable; 1: not usable as configured. */
export type PreflightExit = 0 | 1;

const secondsOf = (time: string) => time.slice(17, 19);
const dayOf = (time: string) => time.slice(0, 10);

/** What the entries look like: the read-back calibrates on these questions, the operator sees them here first. */
export function describeEntries(entries: readonly KenjoAttendance[]): string[] {
  const times = entries.flatMap((e) => (e.endTime === null ? [e.startTime] : [e.startTime, e.endTime]));
  const withSeconds = times.filter((t) => secondsOf(t) !== '' && secondsOf(t) !== '00').length;
  const open = entries.filter((e) => e.endTime === null).length;
  const overnight = entries.filter(
    (e) => e.endTime !== null && dayOf(e.endTime) !== dayOf(e.startTime),
  ).length;
  const zoned = times.filter((t) => t.endsWith('Z')).length;
  if (entries.length === 0) {
    return [
      'no entries in this range: their shape cannot be judged yet (the read-back calibrates on the first punches)',
    ];
  }
  return [
    `${entries.length} entries; ${open} open (no endTime); ${overnight} ending on a later day than they start`,
    withSeconds > 0
      ? `seconds kept: ${withSeconds} of ${times.length} times have seconds other than :00`
      : `every time ends in :00 — Kenjo may truncate seconds (the read-back then matches by the minute)`,
    `${zoned} of ${times.length} times end in Z (Kenjo's examples show the wall clock behind it)`,
  ];
}

export async function runPreflight(options: PreflightOptions): Promise<PreflightExit> {
  const { baseUrl, apiKey, print } = options;
  const now = options.now ?? Date.now;
  const health = new Health(now);
  const session = new Session({ baseUrl, apiKey, timeoutMs: options.timeoutMs ?? 10_000, now, health });
  const context = { session, health };
  const problems: string[] = [];
  const warnings: string[] = [];
  const step = async (title: string, run: () => Promise<void>): Promise<boolean> => {
    try {
      await run();
      return true;
    } catch (err) {
      const message = err instanceof KenjoUnavailableError ? err.message : String(err);
      problems.push(`${title}: ${message}`);
      print(`✗ ${title}: ${message}`);
      return false;
    }
  };

  print(`Kenjo at ${baseUrl}`);
  const loggedIn = await step('login', async () => {
    await session.authorization();
    const expiresAt = session.expiresAfter === null ? Number.NaN : Date.parse(session.expiresAfter);
    const hours = (expiresAt - now()) / 3_600_000;
    print(
      `✓ login: token ${Number.isFinite(hours) ? `valid for ${hours.toFixed(1)} h` : 'without a readable expiry (renewed on 401)'}`,
    );
  });
  if (loggedIn) {
    await step('employees', async () => {
      const { employees, skipped, pages } = await readEmployees(context);
      const active = employees.filter((e) => e.isActive);
      print(
        `✓ employees: ${employees.length} (${active.length} active), ${pages === 1 ? 'one list' : `${pages} pages`}`,
      );
      const noBadge = active.filter((e) => e.externalId === null).length;
      const noEmail = active.filter((e) => e.email === null).length;
      print(`  active without externalId (badge): ${noBadge}; without email: ${noEmail}`);
      if (noBadge > 0)
        warnings.push(`${noBadge} active employees have no externalId: their badges cannot be resolved`);
      for (const skip of skipped) {
        print(`  ${skip.count} ${skip.list} skipped: ${skip.reason}`);
        warnings.push(`${skip.count} ${skip.list} skipped: ${skip.reason}`);
      }
      if (active.length === 0) problems.push('employees: no active employee in Kenjo');
    });
    await step('attendances', async () => {
      const today = new Date(now()).toISOString().slice(0, 10);
      const from = addDays(today, -CHECK_DAYS);
      const list = await listAttendances(context, from, today);
      print(`✓ attendances ${from}..${today} readable`);
      for (const line of describeEntries(list.entries)) print(`  ${line}`);
      if (list.skipped > 0) {
        print(`  ${list.skipped} entries skipped, first: ${list.firstProblem ?? 'unknown'}`);
        warnings.push(`${list.skipped} attendance entries not in the published shape`);
      }
    });
    await session.logout().catch(() => undefined);
  }
  for (const warning of warnings) print(`! ${warning}`);
  if (problems.length > 0) {
    print(`NOT USABLE: fix the above, then run the check again.`);
    return 1;
  }
  print('USABLE: the proxy can deliver punches to this Kenjo.');
  return 0;
}
