/**
 * Where each kiosk's opening hours are kept: the ledger's key/value settings, one key per kiosk, so every ledger
 * implementation stores them without a schema change of its own.
 */
import type { AsyncLedger } from '../ledger/async-ledger';
import { type OpeningHours, openingHoursSchema } from './opening-hours';

type SettingsLedger = Pick<AsyncLedger, 'getSetting' | 'setSetting'>;

const keyOf = (kioskId: string) => `kiosk-opening-hours:${kioskId}`;

/** The kiosk's opening hours, or null when none are set (a stored value that no longer parses counts as none). */
export async function loadOpeningHours(
  ledger: SettingsLedger,
  kioskId: string,
): Promise<OpeningHours | null> {
  const stored = await ledger.getSetting(keyOf(kioskId));
  if (stored === null || stored === '') return null;
  const parsed = openingHoursSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
}

/** Sets the kiosk's opening hours; null clears them (the kiosk is then never reported silent). */
export async function saveOpeningHours(
  ledger: SettingsLedger,
  kioskId: string,
  hours: OpeningHours | null,
): Promise<void> {
  await ledger.setSetting(keyOf(kioskId), hours === null ? '' : JSON.stringify(hours));
}
