/**
 * Security headers on every answer, through helmet. The content security policy is what the kiosk and the admin
 * console need and nothing more: their own scripts, styles and workers (the service worker, precached shell), API
 * calls to this origin, images from this origin or `data:` (the pairing QR code is a data URL). No page may frame
 * them (a kiosk inside someone else's page could be clicked through). `upgrade-insecure-requests` is left out: a
 * kiosk on plain HTTP at a LAN address would have every request rewritten to an HTTPS port that does not exist.
 * HSTS is sent only on answers that went out over HTTPS (directly, or behind a trusted TLS proxy).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'font-src': ["'self'"],
  'media-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'upgrade-insecure-requests': null,
};

const ONE_YEAR_S = 365 * 24 * 3600;

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') {
      reply.header('Strict-Transport-Security', `max-age=${ONE_YEAR_S}; includeSubDomains`);
    }
  });
}
