import { pauseAll, type LoopState } from './loop-state';

/**
 * Kenjo's request to wait, shared with the other instances through the ledger: Kenjo's rate limit counts every call
 * of the company's key, so a 429 that reached one instance pauses them all. Before each pass, a pause this instance
 * holds is written (the ledger keeps the later of two), and otherwise the ledger's is read; a pause still to come is
 * this instance's too. One statement either way, so an instance learns of another's 429 within one pass; none when
 * the ledger tells that nobody wrote the pause since this instance last read it (`kenjoPauseVersion`).
 */
export async function sharePause(state: LoopState, nowMs: number): Promise<void> {
  const { ledger } = state.ctx;
  const own = state.pausedUntilMs;
  let shared: number | null;
  if (own !== null && own > nowMs) {
    shared = await ledger.extendKenjoPause(own);
  } else {
    // Taken before the read: a write notified after it may have come after the read, and is read next time.
    const version = await ledger.kenjoPauseVersion();
    if (version !== null && version === state.pauseReadAtVersion) return;
    shared = await ledger.kenjoPausedUntil();
    state.pauseReadAtVersion = version;
  }
  if (shared !== null && shared > nowMs) pauseAll(state, shared);
}
