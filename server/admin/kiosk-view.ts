import type { KioskRecord } from '../ledger/ledger';

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** A kiosk as the admin API shows it: instants as RFC 3339, and whether it may still send punches. */
export function kioskView(kiosk: KioskRecord) {
  return {
    id: kiosk.id,
    name: kiosk.name,
    timeZone: kiosk.timeZone,
    status: kiosk.revokedAtMs === null ? ('active' as const) : ('revoked' as const),
    createdAt: iso(kiosk.createdAtMs),
    revokedAt: iso(kiosk.revokedAtMs),
    lastSeenAt: iso(kiosk.lastSeenAtMs),
    clockErrorMs: kiosk.clockErrorMs,
    pendingOnDevice: kiosk.pendingOnDevice,
    appVersion: kiosk.appVersion,
    storagePersisted: kiosk.storagePersisted,
    lastSyncAt: iso(kiosk.lastSyncAtMs),
  };
}
