/**
 * The subjects of audit entries (`AuditSubject`), read from the ledger as it is now: a kiosk's name (or the name it
 * had when it was created or deleted, from the entries' own details), a punch's person (the directory's name, else
 * its identifier) and time. A subject the ledger no longer knows (a punch past retention) is null: the console
 * shows the raw target then. One read per distinct punch; the console asks for a short page.
 */
import type { AuditSubject } from '../../core/audit-subject';
import { describeEmployee } from '../../core/punch';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { AuditEntry } from '../ledger/records-ledger';
import { employeeNames } from './admin-ledger';

type SubjectLedger = Pick<AsyncLedger, 'listKiosks' | 'getPunch' | 'loadDirectory'>;

export async function auditSubjects(
  ledger: SubjectLedger,
  entries: readonly AuditEntry[],
): Promise<Array<AuditSubject | null>> {
  const kioskNames = new Map<string, string>();
  for (const entry of entries) {
    const name = entry.detail['name'];
    if (entry.action.startsWith('kiosk.') && typeof name === 'string') kioskNames.set(entry.target, name);
  }
  for (const kiosk of await ledger.listKiosks()) kioskNames.set(kiosk.id, kiosk.name);
  const nameOf = await employeeNames(ledger);
  const punches = new Map<string, AuditSubject | null>();
  for (const { action, target } of entries) {
    const slash = target.lastIndexOf('/');
    if (!action.startsWith('punch.') || slash < 0 || punches.has(target)) continue;
    const punch = await ledger.getPunch(target.slice(0, slash), target.slice(slash + 1));
    punches.set(
      target,
      punch === null
        ? null
        : {
            kind: 'punch',
            employee: nameOf(punch) ?? describeEmployee(punch.employee),
            at: punch.at,
            timeZone: punch.timeZone,
          },
    );
  }
  return entries.map(({ action, target }): AuditSubject | null => {
    if (action.startsWith('punch.')) return punches.get(target) ?? null;
    const name = kioskNames.get(target);
    return action.startsWith('kiosk.') && name !== undefined ? { kind: 'kiosk', name } : null;
  });
}
