import { toKiosk, type KioskRow } from '../kiosk-store';
import type { AsyncLedger } from '../async-ledger';
import type { Connection } from './connection';

type KioskStore = Pick<
  AsyncLedger,
  | 'insertKiosk'
  | 'getKiosk'
  | 'findKioskByTokenHash'
  | 'listKiosks'
  | 'updateKiosk'
  | 'revokeKiosk'
  | 'replaceKioskToken'
  | 'deleteRevokedKiosk'
  | 'reportKioskStatus'
  | 'insertPairingCode'
  | 'consumePairingCode'
>;

/** The kiosk row in the shape SQLite's ledger reads (`KioskRow`), so that `toKiosk` serves both databases. */
const KIOSK_COLUMNS = `id, name, time_zone, created_at_ms, revoked_at_ms, last_seen_at_ms, clock_error_ms,
  pending_on_device, app_version, storage_persisted::int AS storage_persisted, last_sync_at_ms`;

async function oneKiosk(rows: Promise<KioskRow[]>) {
  const row = (await rows)[0];
  return row === undefined ? null : toKiosk(row);
}

/** A superseded code must not pair: whoever saw it could otherwise take the kiosk's identity over. */
async function voidCodes(db: Connection, kioskId: string): Promise<void> {
  await db.query('DELETE FROM pairing_codes WHERE kiosk_id = $1 AND used_at_ms IS NULL', [kioskId]);
}

/**
 * Kiosks and their pairing codes (stored hashed; the caller hashes). Only the hash of a kiosk's token is stored. Every instance reads the kiosk from the
 * database on each request, so a revocation or a new token takes effect on all of them at once; a pairing code is
 * used by one conditional UPDATE, so of two instances racing for it one wins and the other finds it used.
 */
export function createKioskStore(db: Connection): KioskStore {
  return {
    async insertKiosk(kiosk, tokenHash) {
      await db.query(
        `INSERT INTO kiosks (id, name, time_zone, created_at_ms, revoked_at_ms, last_seen_at_ms, clock_error_ms,
                             pending_on_device, app_version, storage_persisted, last_sync_at_ms, token_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          kiosk.id,
          kiosk.name,
          kiosk.timeZone,
          kiosk.createdAtMs,
          kiosk.revokedAtMs,
          kiosk.lastSeenAtMs,
          kiosk.clockErrorMs,
          kiosk.pendingOnDevice,
          kiosk.appVersion,
          kiosk.storagePersisted,
          kiosk.lastSyncAtMs,
          tokenHash,
        ],
      );
    },
    getKiosk: (id) => oneKiosk(db.query<KioskRow>(`SELECT ${KIOSK_COLUMNS} FROM kiosks WHERE id = $1`, [id])),
    findKioskByTokenHash: (tokenHash) =>
      oneKiosk(
        db.query<KioskRow>(
          `SELECT ${KIOSK_COLUMNS} FROM kiosks WHERE token_hash = $1 AND revoked_at_ms IS NULL`,
          [tokenHash],
        ),
      ),
    listKiosks: async () =>
      (await db.query<KioskRow>(`SELECT ${KIOSK_COLUMNS} FROM kiosks ORDER BY created_at_ms, id`)).map(
        toKiosk,
      ),
    updateKiosk: (id, patch) =>
      oneKiosk(
        db.query<KioskRow>(
          `UPDATE kiosks SET name = coalesce($2, name), time_zone = coalesce($3, time_zone)
            WHERE id = $1 RETURNING ${KIOSK_COLUMNS}`,
          [id, patch.name ?? null, patch.timeZone ?? null],
        ),
      ),
    revokeKiosk: (id, atMs) =>
      db.transaction(async () => {
        await voidCodes(db, id);
        return oneKiosk(
          db.query<KioskRow>(
            `UPDATE kiosks SET revoked_at_ms = coalesce(revoked_at_ms, $2) WHERE id = $1 RETURNING ${KIOSK_COLUMNS}`,
            [id, atMs],
          ),
        );
      }),
    async replaceKioskToken(id, tokenHash) {
      await db.query('UPDATE kiosks SET token_hash = $2, revoked_at_ms = NULL WHERE id = $1', [
        id,
        tokenHash,
      ]);
    },
    async deleteRevokedKiosk(id) {
      const removed = await db.query<{ id: string }>(
        'DELETE FROM kiosks WHERE id = $1 AND revoked_at_ms IS NOT NULL RETURNING id',
        [id],
      );
      return removed.length > 0;
    },
    async reportKioskStatus(id, status) {
      // A null parameter leaves the column alone, except where the report may clear it (the boolean flags).
      await db.query(
        `UPDATE kiosks SET
           pending_on_device = coalesce($2, pending_on_device),
           app_version       = coalesce($3, app_version),
           storage_persisted = CASE WHEN $4::boolean THEN $5::boolean ELSE storage_persisted END,
           last_sync_at_ms   = CASE WHEN $6::boolean THEN $7::bigint ELSE last_sync_at_ms END,
           clock_error_ms    = coalesce($8, clock_error_ms),
           last_seen_at_ms   = coalesce($9, last_seen_at_ms)
         WHERE id = $1`,
        [
          id,
          status.pendingOnDevice ?? null,
          status.appVersion ?? null,
          status.storagePersisted !== undefined,
          status.storagePersisted ?? null,
          status.lastSyncAtMs !== undefined,
          status.lastSyncAtMs ?? null,
          status.clockErrorMs ?? null,
          status.lastSeenAtMs ?? null,
        ],
      );
    },
    insertPairingCode: (codeHash, kioskId, expiresAtMs) =>
      db.transaction(async () => {
        await voidCodes(db, kioskId);
        await db.query('INSERT INTO pairing_codes (code, kiosk_id, expires_at_ms) VALUES ($1, $2, $3)', [
          codeHash,
          kioskId,
          expiresAtMs,
        ]);
      }),
    consumePairingCode: (codeHash, nowMs) =>
      db.transaction(async () => {
        const [used] = await db.query<{ kiosk_id: string }>(
          `UPDATE pairing_codes SET used_at_ms = $2
            WHERE code = $1 AND used_at_ms IS NULL AND expires_at_ms > $2
           RETURNING kiosk_id`,
          [codeHash, nowMs],
        );
        if (used === undefined) return null;
        await voidCodes(db, used.kiosk_id);
        return used.kiosk_id;
      }),
  };
}
