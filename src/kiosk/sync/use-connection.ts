/**
 * How the kiosk is connected, for the status bar and the feedback: `offline` when the browser has no network,
 * `unreachable` when the heartbeat could not reach the proxy (before the first beat: when the last send could not),
 * else `online`. While sends are failing but the proxy answers the heartbeat, sending is retried at each beat
 * instead of waiting out the sync engine's backoff.
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
      onChange: setReachable,
      onAnswer: () => {
        if (engine.status().failures > 0) void engine.trigger();
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
  if (reachable === null) return sendFailures > 0 ? 'unreachable' : 'online';
  return reachable ? 'online' : 'unreachable';
}
