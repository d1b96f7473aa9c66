/**
 * Posts one alert to an incoming webhook. `{"text": …}` is the message shape that Slack's incoming webhooks and
 * Microsoft Teams' incoming webhook connector both accept.
 */
import type { AlertChange } from './incident-tracker';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookResult = { kind: 'delivered' } | { kind: 'failed'; detail: string };

export function alertMessage(change: AlertChange, nowMs: number): { text: string } {
  if (change.state === 'opened') return { text: `:rotating_light: Kiosk proxy alert: ${change.text}` };
  const lasted = Math.max(1, Math.round((nowMs - change.openedAtMs) / 60_000));
  return { text: `:white_check_mark: Over after ${lasted} min: ${change.text}` };
}

export async function postAlert(url: string, message: { text: string }): Promise<WebhookResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    // The body is read so the connection goes back to the pool.
    await response.text();
    return response.ok
      ? { kind: 'delivered' }
      : { kind: 'failed', detail: `the webhook answered ${response.status}` };
  } catch (err) {
    return { kind: 'failed', detail: err instanceof Error ? err.message : String(err) };
  }
}
