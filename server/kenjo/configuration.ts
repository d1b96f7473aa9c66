/**
 * Answers that mean this proxy is set up wrongly, never that a punch is bad: a key Kenjo refuses, a key without
 * access, a base URL that reaches something else. Each gets one sentence that says what to fix, for the console.
 */
import { errorMessage } from './http';

const URL_FIX =
  "check KENJO_API_URL: it must be Kenjo's API base, ending in /api/v1 (e.g. https://api.kenjo.io/api/v1)";

/** The sentence for a refused login (400, 401, 403): the key itself. */
export function keySentence(status: number, body: unknown): string {
  return `Kenjo refused the API key (${status} on login: ${errorMessage(status, body)}); check KENJO_API_KEY (Kenjo: Settings > Integrations > API keys).`;
}

/** True when the body is a page (HTML, text) rather than Kenjo's JSON. */
export function isPage(body: unknown): boolean {
  return typeof body === 'string';
}

/** The sentence when `status` (and `body`) to `path` point at our configuration, else null. */
export function configurationSentence(path: string, status: number, body: unknown): string | null {
  if (status === 403) {
    return `Kenjo answered 403 to ${path}: the API key has no access to it; give the key access to employees and attendance in Kenjo, or use one that has it.`;
  }
  if (status === 404 || status === 405) {
    return `Kenjo answered ${status} to ${path}, so the address is wrong; ${URL_FIX}.`;
  }
  if (status >= 300 && status < 400) {
    return `Kenjo answered a redirect (${status}) to ${path}; ${URL_FIX}.`;
  }
  if (status >= 200 && status < 300 && isPage(body)) {
    return `${path} answered ${status} with a web page instead of Kenjo's JSON (a wrong address or a network sign-in page); ${URL_FIX}, and that this machine reaches the internet directly.`;
  }
  return null;
}
