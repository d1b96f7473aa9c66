/**
 * The parts of the ledger the console reads, and helpers over them. Reads only: every change an operator makes
 * goes through the proxy's admin endpoints, which record it in the audit log.
 */
import type { AsyncLedger } from '../ledger/async-ledger';
import type { LedgerPunch, PunchFilter } from '../ledger/ledger';

export type AdminLedger = Pick<
  AsyncLedger,
  | 'listPunches'
  | 'punchesOfEmployeeBetween'
  | 'backlog'
  | 'countByStatus'
  | 'loadDirectory'
  | 'listAudit'
  | 'listKiosks'
>;

/** The ledger's largest page. */
export const PAGE_LIMIT = 500;

/** Every punch matching the filter, newest first, read page by page. */
export async function allPunches(
  ledger: AdminLedger,
  filter: Omit<PunchFilter, 'limit' | 'cursor'>,
): Promise<LedgerPunch[]> {
  const punches: LedgerPunch[] = [];
  let cursor: number | undefined;
  for (;;) {
    const page = await ledger.listPunches({
      ...filter,
      limit: PAGE_LIMIT,
      ...(cursor === undefined ? {} : { cursor }),
    });
    punches.push(...page.punches);
    if (page.nextCursor === null || page.punches.length === 0) return punches;
    cursor = page.nextCursor;
  }
}

/** Display names of the directory's employees by Kenjo id; one load per call, the directory is small. */
export async function employeeNames(
  ledger: Pick<AdminLedger, 'loadDirectory'>,
): Promise<(punch: Pick<LedgerPunch, 'employeeKey'>) => string | null> {
  const names = new Map(
    ((await ledger.loadDirectory())?.employees ?? []).map((e) => [e.userId, e.displayName]),
  );
  return (punch) => (punch.employeeKey === null ? null : (names.get(punch.employeeKey) ?? null));
}

/** One key per person: Kenjo's id once resolved, else the identifier as the kiosk sent it. */
export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
