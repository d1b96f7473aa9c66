import type Database from 'better-sqlite3';
import type { KioskRecord, KioskRegistry, PairingCodes } from './kiosk-ledger';
import { toFlag } from './punch-row';

type KioskStore = KioskRegistry & PairingCodes;

export interface KioskRow {
  id: string;
  name: string;
  time_zone: string;
  created_at_ms: number;
  revoked_at_ms: number | null;
  last_seen_at_ms: number | null;
  clock_error_ms: number | null;
  pending_on_device: number | null;
  app_version: string | null;
  storage_persisted: 0 | 1 | null;
  last_sync_at_ms: number | null;
}

export function toKiosk(row: KioskRow): KioskRecord {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    createdAtMs: row.created_at_ms,
    revokedAtMs: row.revoked_at_ms,
    lastSeenAtMs: row.last_seen_at_ms,
    clockErrorMs: row.clock_error_ms,
    pendingOnDevice: row.pending_on_device,
    appVersion: row.app_version,
    storagePersisted: row.storage_persisted === null ? null : row.storage_persisted === 1,
    lastSyncAtMs: row.last_sync_at_ms,
  };
}

const KIOSK_COLUMNS = `id, name, time_zone, created_at_ms, revoked_at_ms, last_seen_at_ms, clock_error_ms,
  pending_on_device, app_version, storage_persisted, last_sync_at_ms`;

/** Kiosks and their pairing codes. Only the hash of a kiosk's token is stored; the caller hashes. */
export function createKioskStore(db: Database.Database): KioskStore {
  const insert = db.prepare(`INSERT INTO kiosks (${KIOSK_COLUMNS}, token_hash)
    VALUES (@id, @name, @timeZone, @createdAtMs, @revokedAtMs, @lastSeenAtMs, @clockErrorMs, @pendingOnDevice,
            @appVersion, @storagePersisted, @lastSyncAtMs, @tokenHash)`);
  const byId = db.prepare<[string], KioskRow>(`SELECT ${KIOSK_COLUMNS} FROM kiosks WHERE id = ?`);
  const byToken = db.prepare<[string], KioskRow>(
    `SELECT ${KIOSK_COLUMNS} FROM kiosks WHERE token_hash = ? AND revoked_at_ms IS NULL`,
  );
  const all = db.prepare<[], KioskRow>(`SELECT ${KIOSK_COLUMNS} FROM kiosks ORDER BY created_at_ms, id`);
  const rename = db.prepare<{ id: string; name: string | null; timeZone: string | null }, KioskRow>(`
    UPDATE kiosks SET name = coalesce(@name, name), time_zone = coalesce(@timeZone, time_zone)
     WHERE id = @id RETURNING ${KIOSK_COLUMNS}`);
  const revoke = db.prepare<[number, string], KioskRow>(`
    UPDATE kiosks SET revoked_at_ms = coalesce(revoked_at_ms, ?) WHERE id = ? RETURNING ${KIOSK_COLUMNS}`);
  const setToken = db.prepare<[string, string]>('UPDATE kiosks SET token_hash = ? WHERE id = ?');
  // A null parameter leaves the column alone, except where the report may clear it (set* flags).
  const report = db.prepare(`
    UPDATE kiosks SET
      pending_on_device = coalesce(@pendingOnDevice, pending_on_device),
      app_version       = coalesce(@appVersion, app_version),
      storage_persisted = CASE WHEN @setStoragePersisted THEN @storagePersisted ELSE storage_persisted END,
      last_sync_at_ms   = CASE WHEN @setLastSync THEN @lastSyncAtMs ELSE last_sync_at_ms END,
      clock_error_ms    = coalesce(@clockErrorMs, clock_error_ms),
      last_seen_at_ms   = coalesce(@lastSeenAtMs, last_seen_at_ms)
    WHERE id = @id`);
  const insertCode = db.prepare<[string, string, number]>(
    'INSERT INTO pairing_codes (code, kiosk_id, expires_at_ms) VALUES (?, ?, ?)',
  );
  // A superseded code must not pair: whoever saw it could otherwise take the kiosk's identity over.
  const voidCodes = db.prepare<[string]>(
    'DELETE FROM pairing_codes WHERE kiosk_id = ? AND used_at_ms IS NULL',
  );
  const consumeCode = db.prepare<{ code: string; nowMs: number }, { kiosk_id: string }>(`
    UPDATE pairing_codes SET used_at_ms = @nowMs
     WHERE code = @code AND used_at_ms IS NULL AND expires_at_ms > @nowMs
       AND kiosk_id IN (SELECT id FROM kiosks WHERE revoked_at_ms IS NULL)
    RETURNING kiosk_id`);

  const write = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const tx = db.transaction(fn);
    return (...args: A): R => tx.immediate(...args);
  };

  return {
    insertKiosk: write((kiosk, tokenHash) => {
      insert.run({ ...kiosk, storagePersisted: toFlag(kiosk.storagePersisted), tokenHash });
    }),
    getKiosk(id) {
      const row = byId.get(id);
      return row === undefined ? null : toKiosk(row);
    },
    findKioskByTokenHash(tokenHash) {
      const row = byToken.get(tokenHash);
      return row === undefined ? null : toKiosk(row);
    },
    listKiosks: () => all.all().map(toKiosk),
    updateKiosk: write((id, patch) => {
      const row = rename.get({ id, name: patch.name ?? null, timeZone: patch.timeZone ?? null });
      return row === undefined ? null : toKiosk(row);
    }),
    revokeKiosk: write((id, atMs) => {
      const row = revoke.get(atMs, id);
      return row === undefined ? null : toKiosk(row);
    }),
    replaceKioskToken: write((id, tokenHash) => {
      setToken.run(tokenHash, id);
    }),
    reportKioskStatus: write((id, status) => {
      report.run({
        id,
        pendingOnDevice: status.pendingOnDevice ?? null,
        appVersion: status.appVersion ?? null,
        setStoragePersisted: status.storagePersisted === undefined ? 0 : 1,
        storagePersisted: toFlag(status.storagePersisted ?? null),
        setLastSync: status.lastSyncAtMs === undefined ? 0 : 1,
        lastSyncAtMs: status.lastSyncAtMs ?? null,
        clockErrorMs: status.clockErrorMs ?? null,
        lastSeenAtMs: status.lastSeenAtMs ?? null,
      });
    }),
    insertPairingCode: write((codeHash, kioskId, expiresAtMs) => {
      voidCodes.run(kioskId);
      insertCode.run(codeHash, kioskId, expiresAtMs);
    }),
    consumePairingCode: write((codeHash, nowMs) => {
      const kioskId = consumeCode.get({ code: codeHash, nowMs })?.kiosk_id ?? null;
      if (kioskId !== null) voidCodes.run(kioskId);
      return kioskId;
    }),
  };
}
