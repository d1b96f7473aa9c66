/** Small values kept on the device, each under its own key of the `settings` store. */
import type { Directory, KioskConfig } from '../api/types';
import type { Language } from '../i18n/languages';
import { kioskDb } from './db';

export interface StoredDirectory extends Directory {
  etag: string | null;
  receivedAtMs: number;
}

export interface Settings {
  /** The kiosk's bearer token; never shown after pairing. */
  token: string;
  config: KioskConfig;
  directory: StoredDirectory;
  lastSyncAt: string;
  language: Language;
  sound: boolean;
  /** Why the kiosk went back to setup (it was revoked); cleared by pairing. */
  setupReason: 'revoked';
}

export async function readSetting<K extends keyof Settings>(key: K): Promise<Settings[K] | undefined> {
  const db = await kioskDb();
  return (await db.get('settings', key)) as Settings[K] | undefined;
}

/**
 * Settings written with strict durability: the token comes from a pairing code used once, so a write lost to a
 * crash could not be redone. Every other setting can be (the proxy is asked again, the last sync is told again,
 * a person picks a language again), and is written relaxed.
 */
const STRICT_SETTINGS: ReadonlySet<keyof Settings> = new Set(['token']);

export function settingDurability(key: keyof Settings): IDBTransactionDurability {
  return STRICT_SETTINGS.has(key) ? 'strict' : 'relaxed';
}

export async function writeSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  const db = await kioskDb();
  const tx = db.transaction('settings', 'readwrite', { durability: settingDurability(key) });
  void tx.store.put(value, key);
  await tx.done;
}

export async function deleteSetting(key: keyof Settings): Promise<void> {
  const db = await kioskDb();
  await db.delete('settings', key);
}
