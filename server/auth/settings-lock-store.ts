/**
 * Where the kiosks' settings PIN is kept: its lock (`core/settings-pin.ts`, a salted slow hash, never the PIN) in the
 * ledger's key/value settings, one for every kiosk of this server, so every ledger implementation stores it as is.
 */
import { parseSettingsLock, type SettingsLock } from '../../core/settings-pin';
import type { AsyncLedger } from '../ledger/async-ledger';

type SettingsLedger = Pick<AsyncLedger, 'getSetting' | 'setSetting'>;

const KEY = 'kiosk-settings-lock';

/** The lock, or null when no PIN is set (a stored value that no longer parses counts as none). */
export async function loadSettingsLock(ledger: SettingsLedger): Promise<SettingsLock | null> {
  const stored = await ledger.getSetting(KEY);
  if (stored === null || stored === '') return null;
  try {
    return parseSettingsLock(JSON.parse(stored));
  } catch {
    return null;
  }
}

/** Sets the lock; null removes the PIN (the kiosks' settings open without one). */
export async function saveSettingsLock(ledger: SettingsLedger, lock: SettingsLock | null): Promise<void> {
  await ledger.setSetting(KEY, lock === null ? '' : JSON.stringify(lock));
}
