/**
 * Which incidents the operator has been told about, so each is announced once when it opens and once when it is
 * over. The open set is kept in the ledger's settings and read again before each check: a restart neither repeats an
 * announcement nor forgets to say that an incident ended.
 */
import type { AsyncLedger } from '../ledger/async-ledger';
import type { Incident } from './conditions';

const SETTING = 'alerts-open-incidents';

export interface OpenIncident {
  text: string;
  openedAtMs: number;
}

export type AlertChange =
  | { state: 'opened'; key: string; text: string }
  | { state: 'resolved'; key: string; text: string; openedAtMs: number };

export class IncidentTracker {
  private open = new Map<string, OpenIncident>();

  constructor(private readonly ledger: Pick<AsyncLedger, 'getSetting' | 'setSetting'>) {}

  /** Reads the announced incidents from the ledger. */
  async load(): Promise<void> {
    const stored = await this.ledger.getSetting(SETTING);
    this.open = new Map(stored ? (Object.entries(JSON.parse(stored)) as [string, OpenIncident][]) : []);
  }

  openKeys(): ReadonlySet<string> {
    return new Set(this.open.keys());
  }

  /** What to announce: incidents active but not yet announced, and announced ones no longer active. */
  changes(active: readonly Incident[]): AlertChange[] {
    const activeKeys = new Set(active.map((incident) => incident.key));
    const opened: AlertChange[] = active
      .filter((incident) => !this.open.has(incident.key))
      .map(({ key, text }) => ({ state: 'opened', key, text }));
    const resolved: AlertChange[] = [...this.open]
      .filter(([key]) => !activeKeys.has(key))
      .map(([key, { text, openedAtMs }]) => ({ state: 'resolved', key, text, openedAtMs }));
    return [...opened, ...resolved];
  }

  /** Records that `change` reached the operator; until then it is offered again at the next check. */
  async announced(change: AlertChange, nowMs: number): Promise<void> {
    if (change.state === 'opened') this.open.set(change.key, { text: change.text, openedAtMs: nowMs });
    else this.open.delete(change.key);
    await this.ledger.setSetting(SETTING, JSON.stringify(Object.fromEntries(this.open)));
  }
}
