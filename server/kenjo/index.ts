export { createKenjoClient, DEFAULT_TIMEOUT_MS } from './client';
export { KenjoAuthError, KenjoUnavailableError } from './errors';
export type * from './types';
export { longestCallMs } from './session';
