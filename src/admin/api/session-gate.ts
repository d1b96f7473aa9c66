/**
 * The order of what the console learns about its session. Every sign-in, sign-out or lost session opens a new
 * epoch; an answer that speaks about the session (the session query, a 401) counts only when its request left in
 * the current epoch. A request still under way across the change carried the cookie of the session before it, so
 * its answer describes a session that no longer is the console's (a poll that left before the sign-out answers
 * "signed in" after it).
 */

export interface SessionGate {
  /** The epoch a request leaves in; take it before sending. */
  ticket(): number;
  /** Whether an answer to a request that left with this ticket may still change the session state. */
  isCurrent(ticket: number): boolean;
  /** The session changed: answers to every request already under way stop counting. */
  advance(): void;
}

export function createSessionGate(): SessionGate {
  let epoch = 0;
  return {
    ticket: () => epoch,
    isCurrent: (ticket) => ticket === epoch,
    advance: () => {
      epoch += 1;
    },
  };
}

/** The console's one gate, shared by the API client (401s) and the session state. */
export const sessionGate = createSessionGate();
