/**
 * The shapes the proxy's admin endpoints answer (see the server's admin routes). The punch, its identifier and its
 * status are core's (`core/punch.ts`, `core/punch-status.ts`, `core/punch-view.ts`), shared with the server.
 */
import type { EmployeeRef } from '../../../core/punch';
import type { PunchView } from '../../../core/punch-view';
import type { AuditSubject } from '../../../core/audit-subject';

export interface AttentionPunch extends PunchView {
  heldBehind: number;
}

export interface Attention {
  failedCount: number;
  rejectedCount: number;
  items: AttentionPunch[];
  nextCursor: number | null;
}

export interface Kiosk {
  id: string;
  name: string;
  timeZone: string;
  status: 'active' | 'revoked';
  createdAt: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
  clockErrorMs: number | null;
  pendingOnDevice: number | null;
  appVersion: string | null;
  storagePersisted: boolean | null;
  lastSyncAt: string | null;
}

export interface CreatedKiosk {
  id: string;
  token: string;
  pairingCode: string;
}

export interface PresentPerson {
  employee: EmployeeRef;
  employeeKey: string | null;
  employeeName: string | null;
  kioskId: string;
  since: string;
  sinceWallTime: string;
  overnight: boolean;
}

export interface WhoIsIn {
  at: string;
  sites: { kioskId: string; kioskName: string | null; people: PresentPerson[] }[];
  presentCount: number;
  forgotten: PresentPerson[];
}

export interface KenjoStatus {
  demoMode: boolean;
  connection: 'ok' | 'failing' | 'not-yet-called';
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  trackTimeCalls: number;
  backlog: { waiting: number; failed: number; oldestReceivedAt: string | null; oldestAgeS: number | null };
  directory: { fetchedAt: string | null; ageS: number | null; employees: number; activeEmployees: number };
  /** Sentences that say what to fix in this proxy's configuration; replay waits meanwhile. */
  problems: string[];
  /** Records left out of Kenjo's last employee lists, by reason. */
  skipped: Array<{ list: string; reason: string; count: number }>;
  unexpectedAnswers: { count: number; last: string | null; lastAt: string | null };
}

export interface AuditEntry {
  at: string;
  atMs: number;
  actor: string;
  action: string;
  target: string;
  /** What `target` names, where the server can still say it; null: show `target` as recorded. */
  subject: AuditSubject | null;
  reason: string | null;
  detail: Record<string, unknown>;
}

export interface SessionState {
  signedIn: boolean;
  csrfToken: string | null;
}

export interface Health {
  status: string;
  demoMode?: boolean;
}
