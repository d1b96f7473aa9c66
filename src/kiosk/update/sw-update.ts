/**
 * Updates: `workbox-window` registers `/sw.js`; a new version installs in the background and waits. It is
 * activated only when the kiosk is idle (no feedback on screen, no send in flight, nobody typing), then the page
 * reloads once the new worker controls it, so nobody's punch is interrupted by a reload.
 */
import type { Workbox } from 'workbox-window';

const UPDATE_CHECK_MS = 30 * 60_000;

let workbox: Workbox | null = null;
let waiting = false;
let isIdle: () => boolean = () => false;

/** workbox-window is fetched after the first screen, so it does not weigh on the kiosk's first download. */
export async function registerServiceWorker(): Promise<void> {
  if (workbox || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  if (workbox) return;
  workbox = new Workbox('/sw.js');
  const wb = workbox;
  wb.addEventListener('waiting', () => {
    waiting = true;
    applyUpdateIfIdle();
  });
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  void wb.register();
  setInterval(() => void wb.update(), UPDATE_CHECK_MS);
}

/** Tells the updater how to know the kiosk is idle; called by the screen whenever that may have changed. */
export function setIdleCheck(check: () => boolean): void {
  isIdle = check;
  applyUpdateIfIdle();
}

export function applyUpdateIfIdle(): void {
  if (!workbox || !waiting || !isIdle()) return;
  waiting = false;
  workbox.messageSkipWaiting();
}
