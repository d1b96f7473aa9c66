/**
 * A separate process for the durability tests, run with `node --import tsx`:
 * - `read <dataDir> <kioskId> <id>` prints the stored punch as JSON (or `null`);
 * - `insert-loop <dataDir>` inserts punches one transaction at a time, printing `acked <id>` after each insert
 *   returned, until it is killed (or 30 s pass).
 */
import { writeSync } from 'node:fs';
import { openSqliteLedger } from '../ledger/sqlite-ledger';
import { insertPunches, newPunch } from './ledger-factories';

const [mode, dataDir = '', kioskId = '', id = ''] = process.argv.slice(2);
const ledger = openSqliteLedger(dataDir);

if (mode === 'read') {
  writeSync(1, `${JSON.stringify(ledger.getPunch(kioskId, id))}\n`);
  ledger.close();
} else if (mode === 'insert-loop') {
  // Bounded so that an orphan stops by itself should the test die before killing it.
  const stopAtMs = Date.now() + 30_000;
  for (let n = 0; Date.now() < stopAtMs; n += 1) {
    const punch = newPunch({ kioskId: 'crash-kiosk', id: `punch-${process.pid}-${n}` });
    if (insertPunches(ledger, [punch])[0] === 'inserted') {
      // A synchronous write to fd 1: the line is out before the next insert starts.
      writeSync(1, `acked ${punch.id}\n`);
    }
  }
} else {
  throw new Error(`unknown mode ${String(mode)}`);
}
