/**
 * The proxy's durable store, as the rest of the server sees it: one interface per concern (punches by who uses them, their
 * retention, kiosks, pairing codes, directory cache, audit log, settings, admin sessions), so that another store (PostgreSQL) can implement
 * and test them one by one, and a caller can ask for only the parts it uses. The SQLite implementation lives beside
 * this file. Every method that writes is atomic: when it returns, the change is on disk (WAL, synchronous=FULL);
 * called inside `atomically`, it is on disk when the outermost `atomically` returns.
 */
import type { KioskRegistry, PairingCodes } from './kiosk-ledger';
import type {
  LedgerTransactions,
  PunchIntake,
  PunchQueries,
  PunchRetention,
  ReplayQueue,
} from './punch-ledger';
import type { AuditLog, DirectoryCache, KenjoPause, SettingsStore } from './records-ledger';
import type { ReplayLeases } from './replay-leases';
import type { AdminSessions } from './session-ledger';

export type * from './kiosk-ledger';
export type * from './punch-ledger';
export type * from './punch-records';
export type * from './records-ledger';
export type * from './replay-leases';
export type * from './session-ledger';

export interface Ledger
  extends
    PunchIntake,
    PunchQueries,
    ReplayQueue,
    PunchRetention,
    ReplayLeases,
    LedgerTransactions,
    KioskRegistry,
    PairingCodes,
    DirectoryCache,
    AuditLog,
    SettingsStore,
    KenjoPause,
    AdminSessions {
  close(): void;
}
