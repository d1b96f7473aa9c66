import { createHash } from 'node:crypto';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { ServiceDirectory } from '../services';
import { directoryIdentifiers, directorySalt, directorySecret, kioskCopy } from './kiosk-copy';
import { saveSlowDigests, savedSlowDigests } from './saved-digests';
import type { SlowDigests } from './slow-digests';

/** One kiosk's directory as served: the JSON and its ETag, for the directory of one fetch from Kenjo. */
export interface ServedCopy {
  fetchedAtMs: number | null;
  body: string;
  etag: string;
}

interface Derivation {
  salt: string;
  secret: string;
  digests: SlowDigests;
}

async function openDerivation(ledger: AsyncLedger): Promise<Derivation> {
  const salt = await directorySalt(ledger);
  const secret = await directorySecret(ledger);
  return { salt, secret, digests: await savedSlowDigests(ledger, secret, salt) };
}

/**
 * Every kiosk's copy, made once per directory fetched from Kenjo (its fetch time keys it) and kept. Requests for a
 * copy being made wait for the same making; the slow digests are read once per process and shared by all kiosks.
 */
export function kioskCopies(ledger: AsyncLedger, directory: ServiceDirectory) {
  const copies = new Map<string, ServedCopy>();
  const making = new Map<string, Promise<ServedCopy>>();
  let savedAfter = 0;
  let ready: Promise<Derivation> | null = null;
  const derivation = () => {
    ready ??= openDerivation(ledger).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };

  async function make(kioskId: string, fetchedAtMs: number | null): Promise<ServedCopy> {
    const employees = directory.employees();
    const { salt, secret, digests } = await derivation();
    digests.keepOnly(directoryIdentifiers(employees));
    const built = await kioskCopy({ kioskId, employees, salt, secret, digests });
    if (digests.derived() !== savedAfter) {
      savedAfter = digests.derived();
      await saveSlowDigests(ledger, secret, salt, digests);
    }
    const fetchedAt = fetchedAtMs === null ? null : new Date(fetchedAtMs).toISOString();
    const body = JSON.stringify({ fetchedAt, ...built });
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    const copy = { fetchedAtMs, etag, body };
    copies.set(kioskId, copy);
    return copy;
  }

  return {
    /** The kiosk's copy of the current directory: at once when it is made, else once it is. */
    copyFor(kioskId: string): Promise<ServedCopy> {
      const fetchedAtMs = directory.fetchedAtMs();
      const copy = copies.get(kioskId);
      if (copy !== undefined && copy.fetchedAtMs === fetchedAtMs) return Promise.resolve(copy);
      const key = `${kioskId} ${fetchedAtMs}`;
      let pending = making.get(key);
      if (pending === undefined) {
        pending = make(kioskId, fetchedAtMs).finally(() => making.delete(key));
        // Whoever stopped waiting, a failure is the next request's to see, never an unhandled rejection.
        pending.catch(() => undefined);
        making.set(key, pending);
      }
      return pending;
    },
  };
}
