import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The kiosk build lives in `dist/` at the package root. Found by walking up to `package.json` rather than by a fixed
 * `../..`, because this module runs both from its source (`server/routes/`) and bundled into `dist-server/`.
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

export const DIST_DIR = join(packageRoot(import.meta.dirname), 'dist');

const ADMIN_SHELL = 'admin/index.html';

/**
 * Serves the built kiosk app at `/` and the admin console's shell at every path under `/admin/` (the console
 * routes on the client). Without a build the API still works; the pages answer the JSON 404.
 */
export async function registerStatic(app: FastifyInstance, distDir = DIST_DIR): Promise<void> {
  if (!existsSync(distDir)) {
    app.log.warn({ distDir }, 'the kiosk app is not built; run "npm run build"');
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    // Source maps stay on the server (in dist/, for whoever debugs there): served, they hand the app's source,
    // comments included, to anyone on the network.
    allowedPath: (path) => !path.endsWith('.map'),
    // Our own Cache-Control below; the plugin's default would overwrite it with `public, max-age=0`.
    cacheControl: false,
    setHeaders(res, path) {
      // The service worker and the shell must revalidate, or a kiosk could keep an old version for days.
      if (path.endsWith('sw.js') || path.endsWith('.html') || path.endsWith('.webmanifest')) {
        res.setHeader('Cache-Control', 'no-cache');
      } else if (path.includes('/assets/')) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        res.setHeader('Cache-Control', 'public, max-age=0');
      }
    },
  });
  if (existsSync(join(distDir, ADMIN_SHELL))) {
    const adminShell = async (_request: unknown, reply: { sendFile(path: string): unknown }) =>
      reply.sendFile(ADMIN_SHELL);
    // `/admin` itself redirects to `/admin/` (the admin console's routes), so relative asset URLs resolve.
    app.get('/admin/*', adminShell);
  }
}
