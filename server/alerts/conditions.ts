/**
 * The conditions an operator is alerted to, as a pure function of what the proxy knows at one instant. Each active
 * condition is an incident with a stable key, so the same trouble seen at the next check is the same incident, not
 * a new one.
 */
import type { OpeningHours } from './opening-hours';
import { openingWindowStartMs } from './opening-hours';

export interface AlertThresholds {
  kioskSilentMinutes: number;
  kenjoUnreachableMinutes: number;
  backlogAgeMinutes: number;
}

export interface WatchedKiosk {
  id: string;
  name: string;
  timeZone: string;
  /** Last contact, or when it was created for a kiosk never seen. */
  lastContactAtMs: number;
  hours: OpeningHours | null;
}

export interface AlertSnapshot {
  nowMs: number;
  kiosks: readonly WatchedKiosk[];
  oldestWaitingAtMs: number | null;
  /**
   * Punches held for an operator (status failed): refused by Kenjo, too old when they arrived, or perhaps already in
   * Kenjo after a call whose outcome stayed unknown.
   */
  failed: number;
  kenjoUnreachableSinceMs: number | null;
}

export type AlertKind = 'kiosk-silent' | 'punches-held' | 'kenjo-unreachable' | 'backlog-old';

export interface Incident {
  key: string;
  kind: AlertKind;
  /** What is wrong, in one sentence, as the operator reads it when the incident opens. */
  text: string;
}

const MINUTE_MS = 60_000;
const minutes = (ms: number) => Math.floor(ms / MINUTE_MS);

/**
 * A kiosk is silent when it has not been in touch for the threshold, counted within its opening hours (a kiosk
 * that was off overnight is not silent at 08:01). An incident already open stays open until the kiosk is heard
 * from again, even after closing time, so its end is reported only when it is really over.
 */
function silentKiosk(
  kiosk: WatchedKiosk,
  snapshot: AlertSnapshot,
  limitMs: number,
  open: ReadonlySet<string>,
) {
  const key = `kiosk-silent:${kiosk.id}`;
  const silentMs = snapshot.nowMs - kiosk.lastContactAtMs;
  const stillOpen = open.has(key) && silentMs >= limitMs;
  const windowStart = kiosk.hours && openingWindowStartMs(kiosk.hours, kiosk.timeZone, snapshot.nowMs);
  const silentInHours =
    windowStart !== null && snapshot.nowMs - Math.max(kiosk.lastContactAtMs, windowStart) >= limitMs;
  if (!stillOpen && !silentInHours) return null;
  return {
    key,
    kind: 'kiosk-silent' as const,
    text: `Kiosk "${kiosk.name}" has not been in touch for ${minutes(silentMs)} minutes during its opening hours.`,
  };
}

export function activeIncidents(
  snapshot: AlertSnapshot,
  thresholds: AlertThresholds,
  open: ReadonlySet<string>,
): Incident[] {
  const { nowMs } = snapshot;
  const incidents: Incident[] = [];
  for (const kiosk of snapshot.kiosks) {
    const silent = silentKiosk(kiosk, snapshot, thresholds.kioskSilentMinutes * MINUTE_MS, open);
    if (silent) incidents.push(silent);
  }
  if (snapshot.failed > 0) {
    incidents.push({
      key: 'punches-held',
      kind: 'punches-held',
      // Not only Kenjo's refusals: a punch too old on arrival, or one Kenjo may already have, waits here too.
      text: `${snapshot.failed} punch(es) are held for an operator (admin console, Needs attention).`,
    });
  }
  const down = snapshot.kenjoUnreachableSinceMs;
  if (down !== null && nowMs - down >= thresholds.kenjoUnreachableMinutes * MINUTE_MS) {
    incidents.push({
      key: 'kenjo-unreachable',
      kind: 'kenjo-unreachable',
      text: `Kenjo has not answered for ${minutes(nowMs - down)} minutes; punches wait in the proxy.`,
    });
  }
  const oldest = snapshot.oldestWaitingAtMs;
  if (oldest !== null && nowMs - oldest >= thresholds.backlogAgeMinutes * MINUTE_MS) {
    incidents.push({
      key: 'backlog-old',
      kind: 'backlog-old',
      text: `The oldest punch waiting for Kenjo arrived ${minutes(nowMs - oldest)} minutes ago.`,
    });
  }
  return incidents;
}
