/**
 * Signed-in operators of the admin console, kept in the ledger (`AdminSessions`), so that with several instances
 * behind a load balancer a session started on one works on every other, and signing out ends it everywhere. A
 * session is a random id of 256 bits (the cookie), stored only as its SHA-256, with a fixed lifetime from sign-in.
 * Its CSRF token (the synchronizer token the console echoes in `x-csrf-token`) is derived from the id by HMAC: any
 * instance computes it from the cookie, the ledger holds nothing that forges either, and a page that cannot read
 * the HttpOnly cookie cannot compute it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { AsyncLedger } from '../ledger/async-ledger';
import { hashToken } from './tokens';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Past this many live sessions the oldest is dropped, so a flood of sign-ins cannot grow the ledger without bound. */
export const MAX_SESSIONS = 1000;

export interface AdminSession {
  id: string;
  csrfToken: string;
  createdAtMs: number;
  expiresAtMs: number;
}

export type SessionLedger = Pick<
  AsyncLedger,
  'insertAdminSession' | 'findAdminSession' | 'deleteAdminSession'
>;

export function csrfTokenOf(sessionId: string): string {
  return createHmac('sha256', sessionId).update('csrf').digest('base64url');
}

export class AdminSessionStore {
  constructor(
    private readonly ledger: SessionLedger,
    private readonly now: () => number,
    private readonly lifetimeMs = SESSION_LIFETIME_MS,
  ) {}

  async create(): Promise<AdminSession> {
    const id = randomBytes(32).toString('base64url');
    const createdAtMs = this.now();
    const expiresAtMs = createdAtMs + this.lifetimeMs;
    await this.ledger.insertAdminSession({ idHash: hashToken(id), createdAtMs, expiresAtMs }, MAX_SESSIONS);
    return { id, csrfToken: csrfTokenOf(id), createdAtMs, expiresAtMs };
  }

  /** The live session with this id, or null (unknown, signed out or expired). */
  async get(id: string | undefined): Promise<AdminSession | null> {
    if (!id) return null;
    const found = await this.ledger.findAdminSession(hashToken(id), this.now());
    if (found === null) return null;
    return { id, csrfToken: csrfTokenOf(id), createdAtMs: found.createdAtMs, expiresAtMs: found.expiresAtMs };
  }

  async delete(id: string | undefined): Promise<void> {
    if (id) await this.ledger.deleteAdminSession(hashToken(id));
  }
}
