/**
 * The ledger's database cannot be reached now (PostgreSQL restarting, the network to it cut). Nothing of the
 * operation was kept; the same request made again once the database is back is safe. The HTTP surface answers it
 * with 503, so a kiosk keeps its punches and sends them again, and background work tries again after a rest.
 */
export class LedgerUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      `the ledger's database cannot be reached: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'LedgerUnavailableError';
  }
}
