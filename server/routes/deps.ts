import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Config } from '../config';
import type { Services } from '../services';

/** What every route module is given by `buildApp`. */
export interface RouteDeps {
  config: Config;
  services: Services;
  /** preHandler: a kiosk's token (sets `request.kiosk`). */
  kioskAuth: preHandlerAsyncHookHandler;
  /** preHandler: an operator (sets `request.admin`). */
  adminAuth: preHandlerAsyncHookHandler;
}
