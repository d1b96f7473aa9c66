/**
 * `npm run kenjo:check`: the read-only preflight of the Kenjo tenant named by KENJO_API_URL and KENJO_API_KEY.
 * Exits 0 when the proxy can work with the tenant, 1 when it cannot (`runPreflight`), and 2 when the variables are
 * missing or malformed, read by the same rules as the server's start: then no tenant was looked at.
 */
import { ConfigError, parseKenjoAccess } from '../server/config';
import { runPreflight } from '../server/kenjo/preflight';

/** Bad usage: the variables, not the tenant. */
const EXIT_BAD_CONFIGURATION = 2;

function kenjoAccess(): { baseUrl: string; apiKey: string } | null {
  try {
    const { KENJO_API_URL: baseUrl, KENJO_API_KEY: apiKey } = parseKenjoAccess(process.env);
    if (baseUrl !== undefined && apiKey !== undefined) return { baseUrl, apiKey };
    console.error('Set KENJO_API_URL (e.g. https://api.kenjo.io/api/v1) and KENJO_API_KEY, then run again.');
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
  }
  return null;
}

const access = kenjoAccess();
if (access === null) {
  process.exitCode = EXIT_BAD_CONFIGURATION;
} else {
  process.exitCode = await runPreflight({ ...access, print: (line) => console.log(line) });
}
