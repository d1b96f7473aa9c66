/** The ledger's kiosks (only the hashes of their tokens) and their short, single-use, expiring pairing codes. */

export interface KioskRecord {
  id: string;
  name: string;
  timeZone: string;
  createdAtMs: number;
  revokedAtMs: number | null;
  lastSeenAtMs: number | null;
  /** Kiosk clock minus server clock, measured from `sentAt` of the last batch. */
  clockErrorMs: number | null;
  pendingOnDevice: number | null;
  appVersion: string | null;
  storagePersisted: boolean | null;
  lastSyncAtMs: number | null;
}

export interface KioskStatusReport {
  pendingOnDevice?: number;
  appVersion?: string;
  storagePersisted?: boolean | null;
  lastSyncAtMs?: number | null;
  clockErrorMs?: number;
  lastSeenAtMs?: number;
}

export interface KioskRegistry {
  insertKiosk(kiosk: KioskRecord, tokenHash: string): void;
  getKiosk(id: string): KioskRecord | null;
  /** Only kiosks that are not revoked. */
  findKioskByTokenHash(tokenHash: string): KioskRecord | null;
  listKiosks(): KioskRecord[];
  updateKiosk(id: string, patch: { name?: string; timeZone?: string }): KioskRecord | null;
  revokeKiosk(id: string, atMs: number): KioskRecord | null;
  /** Replaces the kiosk's token (re-pairing); the old one stops working at once. */
  replaceKioskToken(id: string, tokenHash: string): void;
  reportKioskStatus(id: string, report: KioskStatusReport): void;
}

/** Stored only as their hash; the caller hashes. */
export interface PairingCodes {
  /** Stores a new code for the kiosk and voids every earlier unused one of that kiosk, atomically. */
  insertPairingCode(codeHash: string, kioskId: string, expiresAtMs: number): void;
  /**
   * Marks the code used and returns its kiosk when it exists, is unused and not expired, voiding the kiosk's
   * other unused codes; atomically.
   */
  consumePairingCode(codeHash: string, nowMs: number): string | null;
}
