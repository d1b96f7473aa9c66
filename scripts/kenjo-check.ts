/** `npm run kenjo:check`: the read-only preflight of the Kenjo tenant named by KENJO_API_URL and KENJO_API_KEY. */
import { runPreflight } from '../server/kenjo/preflight';

const baseUrl = process.env['KENJO_API_URL'];
const apiKey = process.env['KENJO_API_KEY'];
if (!baseUrl || !apiKey) {
  console.error('Set KENJO_API_URL (e.g. https://api.kenjo.io/api/v1) and KENJO_API_KEY, then run again.');
  process.exitCode = 2;
} else {
  process.exitCode = await runPreflight({ baseUrl, apiKey, print: (line) => console.log(line) });
}
