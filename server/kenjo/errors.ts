/** Errors thrown by the read calls of the Kenjo client (track-time never throws: it returns an outcome). */

/** Kenjo gave no usable answer: unreachable, timed out, 5xx, or a body of an unexpected shape. */
export class KenjoUnavailableError extends Error {
  override readonly name: string = 'KenjoUnavailableError';
}

/**
 * Kenjo refused our login (the key, its access, or the base URL). A configuration problem of this proxy, never a property of a punch.
 * A subclass of `KenjoUnavailableError` so that a read-back caller needs to catch one type only.
 */
export class KenjoAuthError extends KenjoUnavailableError {
  override readonly name: string = 'KenjoAuthError';

  /** No login is tried again before this instant (epoch ms): a refused key must not cause a login per call. */
  constructor(
    message: string,
    readonly retryAtMs: number,
  ) {
    super(message);
  }
}
