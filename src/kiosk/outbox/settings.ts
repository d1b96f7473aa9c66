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

export async function writeSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  const db = await kioskDb();
  const tx = db.transaction('settings', 'readwrite', { durability: 'strict' });
  void tx.store.put(value, key);
  await tx.done;
}

export async function deleteSetting(key: keyof Settings): Promise<void> {
  const db = await kioskDb();
  await db.delete('settings', key);
}
