/**
 * `npm run build:server`: bundles the proxy (`server/main.ts`) and the standalone Kenjo simulator
 * (`server/simulator/main.ts`) into plain ES modules under `dist-server/`, so that production runs on `node` alone,
 * without a TypeScript loader in memory. Packages stay external (resolved from node_modules at run time), which keeps
 * better-sqlite3's native binding and pino where they expect to be. No type checking here: `npm run typecheck` does it.
 *
 * The exception is `BUNDLED`: packages whose entry point re-exports hundreds of modules of which the server uses a
 * few. Loaded from node_modules, `date-fns` alone adds about 10 MB to the resident memory of an idle server (every
 * module parsed and kept); bundled, only `format` and `TZDate` are. `zod` likewise: imported as a namespace
 * (`import * as z from 'zod'`, which ESLint requires in server/), the bundle keeps the schema kinds the server uses
 * and leaves out its forty-odd locales, about 2 MB of an idle server's memory; its `z` object would keep them all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(root, 'dist-server');
const BUNDLED = new Set(['date-fns', '@date-fns/tz', 'zod']);

/** Every package of package.json except `BUNDLED`, with its subpaths. */
function externalPackages() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    .filter((name) => !BUNDLED.has(name))
    .flatMap((name) => [name, `${name}/*`]);
}

export async function buildServer({ quiet = false } = {}) {
  await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'server/main.ts',
      simulator: 'server/simulator/main.ts',
    },
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external: externalPackages(),
    // What the server imports only when needed (the simulator of demo mode, the PostgreSQL ledger) becomes a chunk
    // of its own beside main.js, loaded then and not at start.
    splitting: true,
    // V8 keeps each module's source text in memory; without comments and indentation it is a third smaller, and a
    // single non-ASCII character in a kept comment no longer doubles it (a two-byte string). Names stay readable in
    // stack traces; `NODE_OPTIONS=--enable-source-maps` maps them back to the TypeScript lines when needed.
    minifyWhitespace: true,
    sourcemap: true,
    logLevel: quiet ? 'warning' : 'info',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildServer().catch(() => {
    // esbuild has already printed the errors.
    process.exit(1);
  });
}
