import type { LedgerPunch } from '../ledger/ledger';

/**
 * An employee's ledger punches as the pairing model reads them, in Kenjo's order: by instant, then as the ledger
 * received them. Pending punches carry the overnight flag the rule gave them, or none yet.
 */
export function inKenjoOrder(punches: readonly LedgerPunch[]) {
  return [...punches]
    .sort((a, b) => a.atMs - b.atMs || a.seq - b.seq)
    .map((punch) => ({
      punch,
      wallTime: punch.kenjoDateTime,
      atMs: punch.atMs,
      isOvernightShift: punch.isOvernightShift,
    }));
}
