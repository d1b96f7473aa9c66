/**
 * One sync engine per paired kiosk token: triggered by new punches (the caller), the browser coming online, a
 * periodic sweep and the engine's own retry timer; reports the kiosk's status after each drain that reached the proxy.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { APP_VERSION } from '../app-version';
import { answerSettled } from '../device/after-answer';
import { requestPersistentStorage } from '../device/storage';
import { count } from '../outbox/outbox';
import { createStatusReporter } from './status-report';
import { createSyncEngine, type SyncEngine, type SyncStatus } from './sync-engine';

/** Tries to send every few minutes too, should any other trigger have been missed. */
const SWEEP_EVERY_MS = 5 * 60_000;

export interface UseSyncOptions {
  token: string;
  timeZone: string;
  lastSyncAt: string | null;
  onRevoked: () => void;
}

interface KioskSync {
  engine: SyncEngine;
  /** Later zone and callback changes; the token is fixed for the engine's life. */
  update(options: UseSyncOptions): void;
}

function createKioskSync(options: UseSyncOptions): KioskSync {
  const current = { options };
  const report = createStatusReporter({
    fetch: (...args) => fetch(...args),
    token: options.token,
    collect: async () => ({
      pendingCount: await count(),
      storagePersisted: await requestPersistentStorage(),
      appVersion: APP_VERSION,
      lastSyncAt: engine.status().lastSyncAt,
    }),
  });
  const engine = createSyncEngine({
    fetch: (...args) => fetch(...args),
    getToken: async () => options.token,
    timeZone: () => current.options.timeZone,
    lastSyncAt: options.lastSyncAt,
    // The proxy's answers to earlier punches wait while a person's answer is being put on screen.
    settle: answerSettled,
    onRevoked: () => current.options.onRevoked(),
    onDrained: (outcome) => {
      if (outcome.kind !== 'unauthorized') void report();
    },
  });
  return {
    engine,
    update: (next) => {
      current.options = next;
    },
  };
}

export function useSync(options: UseSyncOptions): SyncEngine {
  // The engine lives as long as this kiosk's token (the component is keyed by it).
  const [sync] = useState(() => createKioskSync(options));
  useEffect(() => {
    sync.update(options);
  });
  const { engine } = sync;

  useEffect(() => {
    const kick = () => void engine.trigger();
    engine.start();
    kick();
    window.addEventListener('online', kick);
    const sweep = setInterval(kick, SWEEP_EVERY_MS);
    return () => {
      window.removeEventListener('online', kick);
      clearInterval(sweep);
      engine.stop();
    };
  }, [engine]);

  return engine;
}

/**
 * One part of the engine's status, re-rendering the component only when that part changes: the status changes
 * twice per send, and on a slow tablet re-rendering the whole screen each time is work done right after an answer.
 */
export function useSyncStatus<T extends string | number | boolean | null>(
  engine: SyncEngine,
  part: (status: SyncStatus) => T,
): T {
  return useSyncExternalStore(engine.subscribe, () => part(engine.status()));
}
