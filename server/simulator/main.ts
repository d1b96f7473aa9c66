import * as z from 'zod';
import { startSimulator } from './start';

/** `npm run simulator`: a Kenjo simulator on a fixed port for demos and manual tries, faults from the environment. */
const rate = z.coerce.number().min(0).max(1);
const envSchema = z.object({
  SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  SIMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  KENJO_API_KEY: z.string().min(1).default('demo-api-key'),
  SIMULATOR_SEED: z.coerce.number().int().optional(),
  SIMULATOR_LATENCY_MS: z.coerce.number().int().min(0).optional(),
  SIMULATOR_SERVER_ERROR_RATE: rate.optional(),
  SIMULATOR_RATE_LIMIT_RATE: rate.optional(),
  SIMULATOR_RETRY_AFTER_S: z.coerce.number().int().min(0).optional(),
  SIMULATOR_COMMIT_THEN_FAIL_RATE: rate.optional(),
  SIMULATOR_COMMIT_THEN_FAIL_MODES: z
    .string()
    .transform((value) => value.split(',').map((mode) => mode.trim()))
    .pipe(z.array(z.enum(['5xx', 'drop', 'stall'])).min(1))
    .optional(),
  SIMULATOR_STALL_MS: z.coerce.number().int().min(0).optional(),
  SIMULATOR_TOKEN_LIFETIME_S: z.coerce.number().positive().optional(),
  /** Any faults and variants as one JSON object, e.g. `{"isActiveAsString":true,"employeePageSize":50}`. */
  SIMULATOR_FAULTS: z
    .string()
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as Record<string, unknown>;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not a JSON object' });
        return z.NEVER;
      }
    })
    .optional(),
});

function readEnv(env: NodeJS.ProcessEnv): z.infer<typeof envSchema> {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  console.error(`Configuration error: ${name} ${issue?.message ?? 'is invalid'} (got "${env[name] ?? ''}").`);
  process.exit(1);
}

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

function defined<T extends object>(values: T): Defined<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Defined<T>;
}

async function main(): Promise<void> {
  const env = readEnv(process.env);
  const running = await startSimulator({
    port: env.SIMULATOR_PORT,
    host: env.SIMULATOR_HOST,
    apiKey: env.KENJO_API_KEY,
    ...(env.SIMULATOR_SEED === undefined ? {} : { seed: env.SIMULATOR_SEED }),
    faults: defined({
      latencyMs: env.SIMULATOR_LATENCY_MS,
      serverErrorRate: env.SIMULATOR_SERVER_ERROR_RATE,
      rateLimitRate: env.SIMULATOR_RATE_LIMIT_RATE,
      retryAfterS: env.SIMULATOR_RETRY_AFTER_S,
      commitThenFailRate: env.SIMULATOR_COMMIT_THEN_FAIL_RATE,
      commitThenFailModes: env.SIMULATOR_COMMIT_THEN_FAIL_MODES,
      stallMs: env.SIMULATOR_STALL_MS,
      tokenLifetimeS: env.SIMULATOR_TOKEN_LIFETIME_S,
      ...env.SIMULATOR_FAULTS,
    }),
  });
  console.log(`Kenjo simulator listening at ${running.baseUrl} (controls under /__simulator/)`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
