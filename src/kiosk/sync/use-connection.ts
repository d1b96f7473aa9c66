/**
 * How the kiosk is connected, for the status bar and the feedback: `offline` when the browser has no network,
 * `unreachable` when the heartbeat or the last send could not reach the proxy, else `online`. The server coming
 * back restarts sending at once instead of waiting for the sync engine's backoff.
 */
import { useEffect, useState } from 'react';
import { useOnline } from '../device/use-online';
import { createHeartbeat } from './heartbeat';
import type { SyncEngine } from './sync-engine';

export type Connection = 'online' | 'offline' | 'unreachable';

export function useConnection(engine: SyncEngine, sendFailures: number): Connection {
  const online = useOnline();
  const [reachable, setReachable] = useState<boolean | null>(null);
  useEffect(() => {
    const heartbeat = createHeartbeat({
      fetch: (...args) => fetch(...args),
      onChange: (answered) => {
        setReachable(answered);
        if (answered) void engine.trigger();
      },
    });
    heartbeat.start();
    const beatNow = () => void heartbeat.beat();
    window.addEventListener('online', beatNow);
    window.addEventListener('offline', beatNow);
    return () => {
      heartbeat.stop();
      window.removeEventListener('online', beatNow);
      window.removeEventListener('offline', beatNow);
    };
  }, [engine]);
  if (!online) return 'offline';
  return reachable === false || sendFailures > 0 ? 'unreachable' : 'online';
}
