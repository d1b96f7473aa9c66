/**
 * `npm run backup [-- <file>]`: copies the ledger in DATA_DIR while the server runs, to `<file>` or to
 * `${DATA_DIR}/backups/ledger-<time>.sqlite`. Restoring is in the README. A ledger in PostgreSQL (DATABASE_URL) is
 * backed up with PostgreSQL's own tools.
 */
import { existsSync } from 'node:fs';
import { DEFAULT_DATA_DIR } from '../config';
import { ledgerPath } from '../ledger/open-database';
import { backupLedger, defaultBackupPath } from './backup-ledger';

async function main(): Promise<void> {
  if (process.env['DATABASE_URL']) {
    console.error(
      'The ledger is in PostgreSQL (DATABASE_URL is set): back it up with pg_dump, see the README.',
    );
    process.exit(1);
  }
  const dataDir = process.env['DATA_DIR'] || DEFAULT_DATA_DIR;
  if (!existsSync(ledgerPath(dataDir))) {
    console.error(`There is no ledger at ${ledgerPath(dataDir)}; set DATA_DIR to the server's data folder.`);
    process.exit(1);
  }
  const destination = process.argv[2] ?? defaultBackupPath(dataDir, Date.now());
  if (existsSync(destination)) {
    console.error(`${destination} exists already; name another file.`);
    process.exit(1);
  }
  const result = await backupLedger(dataDir, destination);
  console.log(`Backed up ${result.punches} punches (${result.bytes} bytes) to ${result.path}`);
}

main().catch((err: unknown) => {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
