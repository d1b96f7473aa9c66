/**
 * Only one sender at a time across every tab of this origin, so no two tabs send the same punch: the Web Locks
 * API where the browser has it. Without it (old browsers, plain-http kiosks) this tab's own queue keeps one
 * sender per tab; a second tab could then resend a punch, which the proxy answers as a duplicate.
 */
const LOCK_NAME = 'kiosk-sync';

let tail: Promise<unknown> = Promise.resolve();

export async function withSyncLock<T>(
  work: () => Promise<T>,
  locks: LockManager | null = browserLocks(),
): Promise<T> {
  if (locks) return await locks.request(LOCK_NAME, work);
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}

function browserLocks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}
