import type { onRequestAsyncHookHandler } from 'fastify';
import type { Config } from '../config';
import type { Services } from '../services';

/** What every route module is given by `buildApp`. */
export interface RouteDeps {
  config: Config;
  services: Services;
  /**
   * onRequest: a kiosk's token (sets `request.kiosk`). Checked before the body is read, so an anonymous client
   * cannot make the server receive and parse a body it will refuse anyway.
   */
  kioskAuth: onRequestAsyncHookHandler;
  /** onRequest: an operator (sets `request.admin`), likewise before the body. */
  adminAuth: onRequestAsyncHookHandler;
}
