/**
 * Asks the proxy's health endpoint every `intervalMs`, so the status bar knows within seconds that the server went
 * away, not only when someone punches. A beat that does not answer within `timeoutMs` (or answers 5xx) counts as
 * unreachable. Each change is reported once; the caller restarts sending when the server is back.
 */
import { apiRequest, type FetchFn } from '../api/http';

export const HEARTBEAT_INTERVAL_MS = 5_000;
export const HEARTBEAT_TIMEOUT_MS = 2_500;

export interface HeartbeatOptions {
  fetch: FetchFn;
  onChange: (reachable: boolean) => void;
  /** Every beat the proxy answered, changed or not. */
  onAnswer?: () => void;
  intervalMs?: number;
  timeoutMs?: number;
}

export interface Heartbeat {
  /** One beat now; resolves with whether the proxy answered. */
  beat(): Promise<boolean>;
  start(): void;
  stop(): void;
}

export function createHeartbeat(options: HeartbeatOptions): Heartbeat {
  const timeoutMs = options.timeoutMs ?? HEARTBEAT_TIMEOUT_MS;
  let reachable: boolean | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  async function beat(): Promise<boolean> {
    let answered: boolean;
    try {
      await apiRequest(options.fetch, '/api/v1/health', { timeoutMs });
      answered = true;
    } catch {
      answered = false;
    }
    if (answered) options.onAnswer?.();
    if (answered !== reachable) {
      reachable = answered;
      options.onChange(answered);
    }
    return answered;
  }

  return {
    beat,
    start() {
      if (timer !== null) return;
      void beat();
      timer = setInterval(() => void beat(), options.intervalMs ?? HEARTBEAT_INTERVAL_MS);
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}
