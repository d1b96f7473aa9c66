/**
 * The Kenjo session: one token, obtained by one login shared by every concurrent caller, reused until shortly
 * before `X-Expires-After` or until a call answers 401; then one new login and one retry of that call.
 * The API key and the token never reach the logger.
 */
import { z } from 'zod';
import { KenjoAuthError, KenjoUnavailableError } from './errors';
import type { Health } from './health';
import { errorMessage, send, type HttpRequest, type HttpResult } from './http';
import type { KenjoLogger } from './types';

/** After Kenjo refused the key, calls fail fast for this long instead of logging in once per call. */
export const LOGIN_REFUSED_COOLDOWN_MS = 5_000;
/** Renew this long before expiry, at most; a tenth of the lifetime when that is shorter (short test tokens). */
export const TOKEN_RENEW_MARGIN_MS = 60_000;

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
    return send(this.options.baseUrl, { ...request, authorization: second }, this.options.timeoutMs);
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
    const result = await send(baseUrl, { method: 'POST', path: '/auth/login', body: { apiKey } }, timeoutMs);
    if (result.kind === 'failure') {
      throw this.loginFailed(`Kenjo login failed: ${result.failure.detail}`);
    }
    if (result.status === 401 || result.status === 403) {
      const error = new KenjoAuthError(
        `Kenjo refused the API key (${result.status} on login: ${errorMessage(result.status, result.body)}); check KENJO_API_KEY.`,
      );
      this.refusal = { error, untilMs: now() + LOGIN_REFUSED_COOLDOWN_MS };
      health.failed(error.message);
      logger?.error({ status: result.status }, 'kenjo refused the API key');
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
    this.refusal = null;
    health.succeeded();
    logger?.debug({ expiresAfter: expiresAfter ?? null }, 'kenjo login succeeded');
    return this.token;
  }

  private loginFailed(detail: string): KenjoUnavailableError {
    this.options.health.failed(detail);
    this.options.logger?.warn({ detail }, 'kenjo login failed');
    return new KenjoUnavailableError(detail);
  }
}
