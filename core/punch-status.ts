/**
 * Where a punch is in the proxy's life: what the ledger stores and the admin API and console show. `sending` is
 * committed before the Kenjo call, so a crash leaves a trace; `failed` and `rejected` wait for an operator.
 */
export const PUNCH_STATUSES = [
  'queued',
  'sending',
  'sent',
  'ignored',
  'rejected',
  'failed',
  'discarded',
] as const;

export type PunchStatus = (typeof PUNCH_STATUSES)[number];
