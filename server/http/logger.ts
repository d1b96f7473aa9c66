import type { LoggerOptions } from 'pino';

/**
 * pino options for the proxy. Credentials never reach a log line: the Authorization and cookie headers, and any
 * field named like a token or key, are replaced before serialisation, at any of the first two levels of nesting.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'headers.authorization',
  'token',
  'apiKey',
  'adminToken',
  'pairingCode',
  '*.token',
  '*.apiKey',
  '*.adminToken',
  '*.pairingCode',
  '*.ADMIN_TOKEN',
  '*.KENJO_API_KEY',
];

export function loggerOptions(level: string): LoggerOptions {
  return { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
}
