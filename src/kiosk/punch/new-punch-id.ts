import { v4 } from 'uuid';

/** A random UUID; `crypto.randomUUID` exists only in secure contexts, so a kiosk on plain http uses `uuid`. */
export function newPunchId(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : v4();
}
