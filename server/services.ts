/**
 * What the HTTP surface needs from the rest of the proxy, as narrow views. `buildApp` takes these ready-made, so
 * tests hand it a `:memory:` ledger, a fake directory and a fixed clock; `compose.ts` builds the real ones.
 */
import type { EmployeeRef } from '../core/punch';
import type { AttendanceList, KenjoClientStats } from './kenjo/types';
import type { AsyncLedger } from './ledger/async-ledger';
import type { DirectoryEmployee } from './ledger/ledger';
import type { ProxyMetrics } from './metrics/proxy-metrics';
import type { EmployeeResolution } from './replay/types';

export type { EmployeeResolution };

/** The employee directory cache: `unknown` and `inactive` are final only while it is fresh. */
export interface ServiceDirectory {
  resolve(ref: EmployeeRef): EmployeeResolution | Promise<EmployeeResolution>;
  /** Every cached employee, active or not (the kiosk's copy is filtered to active ones). */
  employees(): readonly DirectoryEmployee[];
  /** When the cached list was fetched from Kenjo; null while there is none. */
  fetchedAtMs(): number | null;
}

export interface ServiceReplay {
  /** Wake the replay loop now (after an ingest or an operator's retry). */
  kick(): void;
}

export interface ServiceKenjo {
  stats(): KenjoClientStats;
  /** Kenjo's entries of a date range, for an operator to check a punch held because Kenjo may already have it. */
  listAttendances(from: string, to: string): Promise<AttendanceList>;
}

export interface Services {
  ledger: AsyncLedger;
  kenjo: ServiceKenjo;
  directory: ServiceDirectory;
  replay: ServiceReplay;
  /** Prometheus counters and the registry `/metrics` serves. */
  metrics: ProxyMetrics;
  /** The server's clock, the truth every kiosk's clock is measured against. */
  now: () => number;
}
