/**
 * Which instance replays which employee. Instances sharing one ledger each claim the employees they are about to
 * replay; a claim lasts `ttlMs` by the database's clock (not the instances', which may disagree) and is renewed by
 * claiming again. An instance that dies stops renewing, so its employees are free again once its claims expire.
 * The same claims name a role one instance holds at a time (the alert monitor's, `ALERT_WATCH_CLAIM`).
 */
export interface ReplayLeases {
  /**
   * Claims the employees for `owner` (new, already its own, or expired), for `ttlMs` from now; answers the ones it
   * holds afterwards. A ledger only one instance can open (SQLite) answers every one of them.
   */
  claimEmployees(owner: string, employeeKeys: readonly string[], ttlMs: number): Set<string>;
  /** Gives the employees up at once (a clean stop), so that another instance need not wait for the expiry. */
  releaseEmployees(owner: string, employeeKeys: readonly string[]): void;
  /**
   * Whether other instances can hold claims on this ledger. False for a ledger only one process can serve (SQLite: `lockDataDir`):
   * it grants every claim, and a call it finds under way was started by this process's own earlier life.
   */
  claimsShared(): boolean;
}
