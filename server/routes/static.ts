import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const DIST_DIR = resolve(import.meta.dirname, '../../dist');

/** Serves the built kiosk app; unknown non-API paths fall back to the app shell. */
export async function registerStatic(app: FastifyInstance, distDir = DIST_DIR): Promise<void> {
  if (!existsSync(distDir)) {
    app.log.warn({ distDir }, 'the kiosk app is not built; run "npm run build"');
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    setHeaders(res, path) {
      // The service worker and the shell must revalidate, or a kiosk could keep an old version for days.
      if (path.endsWith('sw.js') || path.endsWith('.html') || path.endsWith('.webmanifest')) {
        res.setHeader('Cache-Control', 'no-cache');
      } else if (path.includes('/assets/')) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  });
}
