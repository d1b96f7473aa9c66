import { LedgerUnavailableError } from '../ledger-unavailable';

/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** The server shutting down or starting up: `admin_shutdown`, `crash_shutdown`, `cannot_connect_now`. */
const SERVER_GOING_CODES = new Set(['57P01', '57P02', '57P03']);
/** What `pg` itself says when a connection ends under it or cannot be had in time. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
];

/**
 * Whether an error means the database could not be reached (rather than that it refused the statement): SQLSTATE
 * class 08 (connection exception), the shutdown codes, a socket error or the driver's own words for a lost connection.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (code.startsWith('08') || SERVER_GOING_CODES.has(code) || SOCKET_CODES.has(code))
  )
    return true;
  return DRIVER_MESSAGES.some((words) => error.message.includes(words));
}

/** The error to throw: a connection failure as `LedgerUnavailableError`, anything else as it was. */
export function asLedgerError(error: unknown): unknown {
  if (error instanceof LedgerUnavailableError || !isConnectionFailure(error)) return error;
  return new LedgerUnavailableError(error);
}
