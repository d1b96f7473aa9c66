/** The kiosk's calls to the proxy. Each takes the fetch to use so that tests can stand in for the network. */
import type { Punch } from '../../../core/punch';
import type { PunchAnswer } from '../outbox/outbox';
import { apiRequest, type FetchFn } from './http';
import type { Directory, KioskConfig, KioskStatusReport, PairingAnswer } from './types';

export async function pairKiosk(fetchFn: FetchFn, pairingCode: string): Promise<PairingAnswer> {
  const response = await apiRequest(fetchFn, '/api/v1/kiosk/pair', { method: 'POST', body: { pairingCode } });
  return (await response.json()) as PairingAnswer;
}

/** Whether the proxy runs on its built-in Kenjo simulator, from its public health answer (no token needed). */
export async function fetchDemoMode(fetchFn: FetchFn): Promise<boolean> {
  const response = await apiRequest(fetchFn, '/api/v1/health');
  return ((await response.json()) as { demoMode?: unknown }).demoMode === true;
}

export async function fetchConfig(fetchFn: FetchFn, token: string): Promise<KioskConfig> {
  const response = await apiRequest(fetchFn, '/api/v1/kiosk/config', { token });
  return (await response.json()) as KioskConfig;
}

/**
 * The directory, or `null` when the proxy answered 304 to `etag`. The proxy may take up to 15 s to make this kiosk's
 * copy before it answers 503 (ask again), hence a timeout above that; nobody waits for it.
 */
export async function fetchDirectory(
  fetchFn: FetchFn,
  token: string,
  etag: string | null,
): Promise<{ directory: Directory; etag: string | null } | null> {
  const headers: Record<string, string> = etag ? { 'if-none-match': etag } : {};
  const response = await apiRequest(fetchFn, '/api/v1/kiosk/directory', {
    token,
    headers,
    timeoutMs: 30_000,
  });
  if (response.status === 304) return null;
  return { directory: (await response.json()) as Directory, etag: response.headers.get('etag') };
}

export async function postPunches(
  fetchFn: FetchFn,
  token: string,
  sentAt: string,
  punches: readonly Punch[],
): Promise<PunchAnswer[]> {
  const response = await apiRequest(fetchFn, '/api/v1/punches', {
    method: 'POST',
    token,
    body: { sentAt, punches },
    timeoutMs: 30_000,
  });
  const body = (await response.json()) as { results?: PunchAnswer[] };
  return Array.isArray(body.results) ? body.results : [];
}

export async function postStatus(fetchFn: FetchFn, token: string, report: KioskStatusReport): Promise<void> {
  await apiRequest(fetchFn, '/api/v1/kiosk/status', { method: 'POST', token, body: report });
}
