/**
 * The ledger's small records that must survive a restart: the directory cache, the audit log, settings, and Kenjo's
 * request to wait.
 */

export interface DirectoryEmployee {
  userId: string;
  email: string | null;
  externalId: string | null;
  isActive: boolean;
  displayName: string;
}

/** The last employee list fetched from Kenjo, so that a restart without Kenjo still knows its employees. */
export interface DirectoryCache {
  saveDirectory(employees: readonly DirectoryEmployee[], fetchedAtMs: number): void;
  loadDirectory(): { employees: DirectoryEmployee[]; fetchedAtMs: number } | null;
}

export interface AuditEntry {
  atMs: number;
  actor: string;
  action: string;
  target: string;
  reason: string | null;
  detail: Record<string, unknown>;
}

/** Operators' actions, newest first. */
export interface AuditLog {
  appendAudit(entry: AuditEntry): void;
  listAudit(limit: number, beforeMs?: number): AuditEntry[];
}

/** Key/value settings that must survive restarts (e.g. the directory hash salt). */
export interface SettingsStore {
  getSetting(key: string): string | null;
  setSetting(key: string, value: string): void;
  /**
   * Stores `value` unless the key already has one, and answers the value the key holds afterwards: of instances
   * sharing the ledger that each propose one at the same time, every one goes on with the same (the first stored).
   */
  firstSetting(key: string, value: string): string;
}

/**
 * Kenjo's request to wait (a 429's Retry-After). Kenjo's rate limit counts every call of the company's key, so when
 * several instances share the ledger, one instance's 429 pauses them all.
 */
export interface KenjoPause {
  /** Keeps the later of the stored pause and `untilMs` (never shortens it); answers the pause that holds afterwards. */
  extendKenjoPause(untilMs: number): number;
  /** Until when Kenjo asked to wait; null when it never did. */
  kenjoPausedUntil(): number | null;
  /**
   * A reading that changes whenever any instance sharing the ledger writes the pause; null when the ledger cannot
   * tell (then the pause must be read each time). Equal readings, the first taken before a read of the pause, mean
   * the pause read is still the stored one.
   */
  kenjoPauseVersion(): number | null;
}
