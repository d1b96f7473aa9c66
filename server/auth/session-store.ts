/**
 * Signed-in operators of the admin console, kept in memory only: a restart signs everyone out, which is the safe
 * direction. A session is a random id (the cookie) and a random CSRF token (the synchronizer token the console
 * echoes in `x-csrf-token`), both 256 bits, with a fixed lifetime from sign-in.
 */
import { randomBytes } from 'node:crypto';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Past this many live sessions the oldest is dropped, so a flood of sign-ins cannot grow memory without bound. */
export const MAX_SESSIONS = 1000;

export interface AdminSession {
  id: string;
  csrfToken: string;
  createdAtMs: number;
  expiresAtMs: number;
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export class AdminSessionStore {
  private readonly sessions = new Map<string, AdminSession>();

  constructor(
    private readonly now: () => number,
    private readonly lifetimeMs = SESSION_LIFETIME_MS,
  ) {}

  create(): AdminSession {
    const nowMs = this.now();
    this.prune(nowMs);
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next();
      if (!oldest.done) this.sessions.delete(oldest.value);
    }
    const session: AdminSession = {
      id: randomToken(),
      csrfToken: randomToken(),
      createdAtMs: nowMs,
      expiresAtMs: nowMs + this.lifetimeMs,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id, or null (unknown or expired; an expired one is forgotten). */
  get(id: string | undefined): AdminSession | null {
    if (!id) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    if (session.expiresAtMs <= this.now()) {
      this.sessions.delete(id);
      return null;
    }
    return session;
  }

  delete(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  private prune(nowMs: number): void {
    for (const [id, session] of this.sessions) {
      if (session.expiresAtMs <= nowMs) this.sessions.delete(id);
    }
  }
}
