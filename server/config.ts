import { accessSync, constants } from 'node:fs';
import * as z from 'zod';
import { DEFAULT_MAX_SHIFT_HOURS } from '../core/attendance-day';
import { DEFAULT_DOUBLE_SCAN_WINDOW_S } from '../core/double-scan';
import { tlsPairProblem } from './tls-pair';

/** Where the ledger lives unless `DATA_DIR` says otherwise; the backup command looks there too. */
export const DEFAULT_DATA_DIR = './data';

/** A whole number in a range, said in one sentence when it is not ("must be a whole number from 0 to 65535"). */
function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

/**
 * An admin token a person could guess or brute-force is refused: 32 characters or more, and not a repetition of a
 * few ("aaaa…", "abab…"), which a length rule alone lets through.
 */
const ADMIN_TOKEN_MIN_LENGTH = 32;
const ADMIN_TOKEN_RULE = `must be at least ${ADMIN_TOKEN_MIN_LENGTH} characters of which at least 10 differ; make one with "openssl rand -hex 24"`;
export function strongEnough(token: string): boolean {
  return token.length >= ADMIN_TOKEN_MIN_LENGTH && new Set(token).size >= 10;
}

const readableFile = z.string().refine((path) => {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}, 'names no file this process can read');

/** Fastify's `trustProxy`: a boolean, or the list of addresses (CIDR allowed) whose forwarded headers count. */
const trustProxy = z.string().transform((value, ctx): boolean | string => {
  const lower = value.trim().toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  const addresses = lower.split(',').map((part) => part.trim());
  if (addresses.every((part) => /^[0-9a-f.:]+(\/\d{1,3})?$/.test(part))) return addresses.join(',');
  ctx.addIssue({ code: 'custom', message: 'must be true, false, or a comma-separated list of addresses' });
  return z.NEVER;
});

/** Every setting of the proxy, parsed once at start; a bad value stops the process with a sentence naming it. */
const envSchema = z.object({
  PORT: wholeNumber(0, 65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  KENJO_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://api.kenjo.io/api/v1' })
    .optional(),
  KENJO_API_KEY: z.string().min(1).optional(),
  ADMIN_TOKEN: z.string().refine(strongEnough, ADMIN_TOKEN_RULE).optional(),
  TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'is not an IANA time zone')
    .default(Intl.DateTimeFormat().resolvedOptions().timeZone),
  MAX_SHIFT_HOURS: z.coerce.number().positive().max(48).default(DEFAULT_MAX_SHIFT_HOURS),
  DOUBLE_SCAN_WINDOW_S: wholeNumber(0, 3600).default(DEFAULT_DOUBLE_SCAN_WINDOW_S),
  /** How many employees' chains replay sends to Kenjo at once. */
  REPLAY_CONCURRENCY: wholeNumber(1, 64).default(8),
  KENJO_TIMEOUT_MS: wholeNumber(100, 120_000).default(10_000),
  /** A punch whose `at` lies further than this in the server's future is rejected at ingest. */
  MAX_CLOCK_SKEW_S: wholeNumber(0, 86_400).default(300),
  /** The address kiosks reach the server by; pairing links and QR codes use it. No trailing slash. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://kiosk.example.com' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** Slack- or Teams-compatible incoming webhook that receives alerts; unset sends none. */
  ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A kiosk silent this long during its opening hours raises an alert. */
  KIOSK_SILENT_MINUTES: wholeNumber(1, 1440).default(30),
  /** Kenjo failing every call for this long raises an alert. */
  KENJO_UNREACHABLE_MINUTES: wholeNumber(1, 1440).default(10),
  /** The oldest waiting punch older than this raises an alert. */
  BACKLOG_AGE_MINUTES: wholeNumber(1, 10_080).default(30),
  /**
   * Settled punches (sent, ignored, discarded) older than this are deleted. At least 30 days: longer than a kiosk
   * keeps a punch it could resend, so a deleted punch is never taken for a new one.
   */
  RETENTION_DAYS: wholeNumber(30, 3650).default(90),
  /** A punch older than this when it reaches the server is held for an operator's approval, not sent. */
  MAX_PUNCH_AGE_DAYS: wholeNumber(1, 3650).default(14),
  /**
   * The ledger in PostgreSQL, shared by every instance pointed at it; unset keeps it in SQLite in DATA_DIR. Any other
   * scheme is refused: an instance that silently kept its own ledger beside the others would take a kiosk's resend to
   * another instance for a new punch and send it to Kenjo twice.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Serve HTTPS directly: both files, PEM, or neither. */
  TLS_CERT_FILE: readableFile.optional(),
  TLS_KEY_FILE: readableFile.optional(),
  /** Behind a TLS-terminating proxy: `true`, or the proxy's addresses (`10.0.0.5,10.1.0.0/16`); else `false`. */
  TRUST_PROXY: trustProxy.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof envSchema> & { demoMode: boolean };

export class ConfigError extends Error {}

// A webhook URL carries its own credential: whoever knows it can post to the channel.
// A database URL may carry a password.
const SECRET_VARIABLES = new Set(['ADMIN_TOKEN', 'KENJO_API_KEY', 'ALERT_WEBHOOK_URL', 'DATABASE_URL']);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The variables that are set (an empty one counts as unset) parsed by `schema`; a bad one throws its sentence. */
function parseSet<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    // Secrets are never echoed, not even a wrong one: it may be a real credential pasted into the wrong variable.
    const got = SECRET_VARIABLES.has(name) ? 'a hidden value' : `"${env[name] ?? ''}"`;
    throw new ConfigError(`${name} ${issue?.message ?? 'is invalid'} (got ${got}).`);
  }
  return parsed.data;
}

const kenjoAccessSchema = envSchema.pick({ KENJO_API_URL: true, KENJO_API_KEY: true });

/**
 * KENJO_API_URL and KENJO_API_KEY alone, by the server's own rules (what `npm run kenjo:check` reads); unset ones
 * are absent. A bad value throws a ConfigError naming the variable.
 */
export function parseKenjoAccess(env: NodeJS.ProcessEnv): z.infer<typeof kenjoAccessSchema> {
  return parseSet(kenjoAccessSchema, env);
}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const config = parseSet(envSchema, env);
  if (config.KENJO_API_URL && !config.KENJO_API_KEY) {
    throw new ConfigError('KENJO_API_KEY must be set when KENJO_API_URL is set.');
  }
  if ((config.TLS_CERT_FILE === undefined) !== (config.TLS_KEY_FILE === undefined)) {
    throw new ConfigError(
      'TLS_CERT_FILE and TLS_KEY_FILE must be set together (or neither, for plain HTTP).',
    );
  }
  const tlsProblem =
    config.TLS_CERT_FILE === undefined || config.TLS_KEY_FILE === undefined
      ? null
      : tlsPairProblem(config.TLS_CERT_FILE, config.TLS_KEY_FILE);
  if (tlsProblem !== null) throw new ConfigError(tlsProblem);
  const demoMode = !config.KENJO_API_URL;
  if (!demoMode && !config.ADMIN_TOKEN) {
    throw new ConfigError(`ADMIN_TOKEN must be set when KENJO_API_URL is set; it ${ADMIN_TOKEN_RULE}.`);
  }
  return { ...config, demoMode };
}
