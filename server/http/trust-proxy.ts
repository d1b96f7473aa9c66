/**
 * `TRUST_PROXY` as Fastify's `trustProxy`. `true` means the one proxy in front: only the nearest hop (the socket's
 * peer) is trusted, so the client address is the last one that proxy appended to `X-Forwarded-For`. Fastify's own
 * `true` trusts every hop, which would make the client's own leftmost entry its address (rate limits keyed by it
 * could be dodged by forging one); its hop count trusts nothing at all. A list of addresses is passed on as it is:
 * hops are trusted from the nearest while they are on the list.
 */
import type { Config } from '../config';

/** The nearest hop only: the proxy that connected to us reports the client; what the client wrote before is not believed. */
export const NEAREST_PROXY_ONLY = (_address: string, hop: number): boolean => hop === 0;

export function fastifyTrustProxy(
  setting: Config['TRUST_PROXY'],
): string | boolean | typeof NEAREST_PROXY_ONLY {
  return setting === true ? NEAREST_PROXY_ONLY : setting;
}
