/**
 * Where a tablet opens the kiosk to pair: `PUBLIC_URL` when the server has one, else the address this console was
 * opened at. A loopback or unspecified host (`localhost`, `127.0.0.1`, `[::1]`, `0.0.0.0`) only works on the
 * computer itself, so the console warns when the link would carry one.
 */
import { type ConsoleConfig, useConsoleConfig } from '../api/console-config';

export function pairingUrl(origin: string, code: string): string {
  return `${origin}/#pair=${encodeURIComponent(code)}`;
}

export function pairingOrigin(publicUrl: string | null | undefined, consoleOrigin: string): string {
  return publicUrl ?? consoleOrigin;
}

/** The host of `origin` when no tablet can reach it, else null. */
export function localOnlyHost(origin: string): string | null {
  let host: string;
  try {
    host = new URL(origin).hostname.toLowerCase();
  } catch {
    return null;
  }
  const local =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '[::1]' ||
    host === '0.0.0.0';
  return local ? host : null;
}

const publicUrlOf = (config: ConsoleConfig) => config.publicUrl;

/** The server's `PUBLIC_URL` (null when unset). */
export function usePublicUrl() {
  return useConsoleConfig(publicUrlOf);
}
