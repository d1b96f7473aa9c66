/** The proxy's kiosk-facing answers (kiosk protocol plus the project's pairing, config and directory endpoints). */

import type { SettingsLock } from '../../../core/settings-pin';

export interface PairingAnswer {
  kioskId: string;
  token: string;
  name: string;
  timeZone: string;
}

export interface KioskConfig {
  kioskId: string;
  name: string;
  timeZone: string;
  demoMode: boolean;
  doubleScanWindowS: number;
  /** The longest shift an overnight punch may close; the in/out guess follows the proxy's rule. */
  maxShiftHours: number;
  serverTime: string;
  /** The settings PIN as a salted slow hash (`core/settings-pin.ts`); null without a PIN, absent from older proxies. */
  settingsLock?: SettingsLock | null;
}

/** Tags only (`core/identifier-hash.ts`): no name, no identifier. `key` groups a person's badge and email. */
export interface DirectoryEmployee {
  key: string;
  badgeHash: string | null;
  emailHash: string | null;
}

export interface Directory {
  /** When the proxy last read the employees from Kenjo; `null` when it never has. */
  fetchedAt: string | null;
  /** The installation's salt of the slow derivation. */
  salt: string;
  /** This kiosk's own pepper (absent from older proxies, whose directories are not used). */
  pepper?: string;
  /** The derivation of the hashes; a directory cached before it existed lacks it and is not used. */
  hash?: { name: string; iterations: number };
  employees: DirectoryEmployee[];
  /** Kenjo's employees who may not punch, as hashes only (absent from older proxies). */
  inactive?: Array<Pick<DirectoryEmployee, 'badgeHash' | 'emailHash'>>;
}

export interface KioskStatusReport {
  pendingCount: number;
  storagePersisted: boolean | null;
  appVersion: string;
  lastSyncAt: string | null;
}
