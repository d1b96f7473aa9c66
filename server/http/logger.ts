import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * pino options for the proxy. Credentials never reach a log line: the Authorization, cookie and CSRF headers, and
 * any field named like a token or key at the first two levels of nesting, are replaced before serialisation.
 *
 * Headers are redacted by pino's exact paths. Field names are checked by `formatters.log`, not by wildcard paths:
 * a wildcard makes the redactor clone every logged object on every line, while this check only reads the keys and
 * copies an object solely when it does hold a credential (the replay logs two lines per punch, none with one).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
];

/** Field names that hold credentials, wherever they appear in the first two levels of a logged object. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'token',
  'apiKey',
  'adminToken',
  'pairingCode',
  'password',
  'authorization',
  'cookie',
  'ADMIN_TOKEN',
  'KENJO_API_KEY',
]);

const CENSOR = '[redacted]';
type Fields = Record<string, unknown>;

const isNested = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function holdsSecret(fields: Fields, depth: number): boolean {
  for (const key in fields) {
    if (!Object.hasOwn(fields, key)) continue;
    if (SECRET_FIELDS.has(key)) return true;
    const value = fields[key];
    if (depth > 1 && isNested(value) && holdsSecret(value, depth - 1)) return true;
  }
  return false;
}

/** A copy with every credential censored; the caller's object is left as it was. */
function censored(fields: Fields, depth: number): Fields {
  const copy: Fields = {};
  for (const key in fields) {
    if (!Object.hasOwn(fields, key)) continue;
    const value = fields[key];
    if (SECRET_FIELDS.has(key)) copy[key] = CENSOR;
    else if (depth > 1 && isNested(value) && holdsSecret(value, depth - 1))
      copy[key] = censored(value, depth - 1);
    else copy[key] = value;
  }
  return copy;
}

/** The logged object itself when it holds no credential, which is every line on the hot paths. */
export function redactSecrets(fields: Fields): Fields {
  return holdsSecret(fields, 2) ? censored(fields, 2) : fields;
}

/**
 * A child's bindings are serialised once, when it is made, and `formatters.log` never sees them: a child bound to a
 * credential gets its parent's bindings back plus its own, censored. Children are made per request and per batch,
 * so this costs one parse of the bindings each, never one per line.
 */
function censorChildBindings(child: Logger): void {
  const all: Fields = child.bindings();
  if (!holdsSecret(all, 2)) return;
  const parent = Object.getPrototypeOf(child) as Logger;
  const inherited: Fields = parent.bindings();
  const own: Fields = {};
  for (const [key, value] of Object.entries(all)) {
    if (JSON.stringify(value) !== JSON.stringify(inherited[key])) own[key] = value;
  }
  const target = child as unknown as Record<symbol, unknown>;
  target[pino.symbols.chindingsSym] = (parent as unknown as Record<symbol, unknown>)[
    pino.symbols.chindingsSym
  ];
  child.setBindings(censored(own, 2));
}

/** Most a log line waits in the buffer before it is written, when too few lines follow it to fill one write. */
export const LOG_FLUSH_MS = 100;

/**
 * Standard output (or `dest`), buffered: lines are written 4 KB at a time, or within `LOG_FLUSH_MS`, instead of one system call
 * each (the replay logs every state change of every punch: two lines per punch). What is buffered is written when
 * the process exits; a kill loses at most the last `LOG_FLUSH_MS` of lines, never a punch (the ledger is the record).
 */
export function logDestination(dest: number | string = 1): DestinationStream {
  return pino.destination({ dest, sync: false, minLength: 4096, periodicFlush: LOG_FLUSH_MS });
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    formatters: { log: redactSecrets },
    onChild: censorChildBindings,
  };
}
