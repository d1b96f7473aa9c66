/**
 * The Kenjo session: one token, obtained by one login shared by every concurrent caller, reused until shortly
 * before `X-Expires-After` or until a call answers 401; then one new login and one retry of that call.
 * The API key and the token never reach the logger.
 */
import * as z from 'zod';
import { configurationSentence, keySentence } from './configuration';
import { KenjoAuthError, KenjoUnavailableError } from './errors';
import type { Health } from './health';
import { errorMessage, send, type HttpRequest, type HttpResult } from './http';
import type { KenjoLogger } from './types';

/** The most exchanges one call makes, one after the other: a login, the request, and after a 401 both again. */
const EXCHANGES_PER_CALL = 4;

/** The longest one call through a session can last, each of its exchanges ending within `timeoutMs`. */
export const longestCallMs = (timeoutMs: number): number => EXCHANGES_PER_CALL * timeoutMs;

/** Renew this long before expiry, at most; a tenth of the lifetime when that is shorter (short test tokens). */
export const TOKEN_RENEW_MARGIN_MS = 60_000;

const LOGIN_PATH = '/auth/login';

/**
 * A login answer that no retry will change until someone fixes the configuration: the key refused (400 is Kenjo's
 * published answer to a bad body, 401/403 to a bad key), or an address that is not Kenjo's login.
 */
function refusalSentence(status: number, body: unknown): string | null {
  if (status === 400 || status === 401 || status === 403) return keySentence(status, body);
  return configurationSentence(LOGIN_PATH, status, body);
}

const loginSchema = z.object({ token: z.string().min(1), 'X-Expires-After': z.string().optional() });

export interface SessionOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  now: () => number;
  health: Health;
  logger?: KenjoLogger | undefined;
}

/** When to stop using a token; `Infinity` (rely on 401) when Kenjo's expiry is missing or already past by our clock. */
export function renewAtMs(expiresAfter: string | undefined, nowMs: number): number {
  const expiresAtMs = expiresAfter === undefined ? Number.NaN : Date.parse(expiresAfter);
  const remainingMs = expiresAtMs - nowMs;
  if (!(remainingMs > 0)) return Number.POSITIVE_INFINITY;
  return expiresAtMs - Math.min(TOKEN_RENEW_MARGIN_MS, remainingMs / 10);
}

export class Session {
  private token: string | null = null;
  private renewAt = Number.POSITIVE_INFINITY;
  private inflight: Promise<string> | null = null;
  /** Kenjo's `X-Expires-After` of the current token, as it sent it (for the preflight's report). */
  expiresAfter: string | null = null;
  private refusal: { error: KenjoAuthError; untilMs: number } | null = null;

  constructor(private readonly options: SessionOptions) {}

  /** The `Authorization` value to send; throws `KenjoAuthError` or `KenjoUnavailableError` if login fails. */
  authorization(): Promise<string> {
    const now = this.options.now();
    if (this.token !== null && now < this.renewAt) return Promise.resolve(this.token);
    if (this.refusal !== null && now < this.refusal.untilMs) return Promise.reject(this.refusal.error);
    this.inflight ??= this.login().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Sends with the current token; on 401 drops it, logs in again and sends once more. */
  async send(request: HttpRequest): Promise<HttpResult> {
    const first = await this.authorization();
    const result = await send(
      this.options.baseUrl,
      { ...request, authorization: first },
      this.options.timeoutMs,
    );
    if (result.kind !== 'response' || result.status !== 401) return result;
    this.options.logger?.info({ path: request.path }, 'kenjo answered 401; logging in again');
    this.invalidate(first);
    const second = await this.authorization();
    const retried = await send(
      this.options.baseUrl,
      { ...request, authorization: second },
      this.options.timeoutMs,
    );
    if (retried.kind === 'response' && retried.status === 401) this.refuseFreshTokens(request.path);
    return retried;
  }

  /**
   * A fresh token refused too: the key is not allowed this call. Until the wait is over, calls that meet a 401 fail
   * without logging in again, so that a key without access cannot cause a login per call.
   */
  private refuseFreshTokens(path: string): void {
    const { health, now } = this.options;
    const sentence = `Kenjo refused a fresh token (401) for ${path}: the API key is not allowed this call; check KENJO_API_KEY and its access in Kenjo.`;
    const waitMs = health.misconfigured(path, sentence);
    const error = new KenjoAuthError(sentence, now() + waitMs);
    this.refusal = { error, untilMs: error.retryAtMs };
  }

  async logout(): Promise<void> {
    const token = this.token;
    this.token = null;
    if (token === null) return;
    await send(
      this.options.baseUrl,
      { method: 'POST', path: '/auth/logout', authorization: token },
      this.options.timeoutMs,
    );
  }

  /** Forgets `token` unless a newer login already replaced it (a slow call's 401 must not drop a fresh token). */
  private invalidate(token: string): void {
    if (this.token === token) this.token = null;
  }

  private async login(): Promise<string> {
    const { baseUrl, apiKey, timeoutMs, health, logger, now } = this.options;
    health.logins += 1;
    const result = await send(baseUrl, { method: 'POST', path: LOGIN_PATH, body: { apiKey } }, timeoutMs);
    if (result.kind === 'failure') {
      throw this.loginFailed(`Kenjo login failed: ${result.failure.detail}`);
    }
    const refusal = refusalSentence(result.status, result.body);
    if (refusal !== null) {
      const waitMs = health.misconfigured(LOGIN_PATH, refusal);
      const error = new KenjoAuthError(refusal, now() + waitMs);
      this.refusal = { error, untilMs: error.retryAtMs };
      logger?.error({ status: result.status, retryInMs: waitMs }, 'kenjo refused the login');
      throw error;
    }
    const parsed = loginSchema.safeParse(result.body);
    if (result.status < 200 || result.status >= 300 || !parsed.success) {
      throw this.loginFailed(
        `Kenjo login failed: ${result.status} ${parsed.success ? errorMessage(result.status, result.body) : 'answer without a token'}.`,
      );
    }
    const { token, 'X-Expires-After': expiresAfter } = parsed.data;
    this.token = /^bearer /i.test(token) ? token : `Bearer ${token}`;
    this.renewAt = renewAtMs(expiresAfter, now());
    this.expiresAfter = expiresAfter ?? null;
    this.refusal = null;
    health.succeeded(LOGIN_PATH);
    logger?.debug({ expiresAfter: expiresAfter ?? null }, 'kenjo login succeeded');
    return this.token;
  }

  private loginFailed(detail: string): KenjoUnavailableError {
    this.options.health.failed(detail);
    this.options.logger?.warn({ detail }, 'kenjo login failed');
    return new KenjoUnavailableError(detail);
  }
}
