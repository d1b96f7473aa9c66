/** Device-local reads shown on screen, refreshed whenever the outbox or history changes. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { afterAnswerPainted, answerSettled } from '../device/after-answer';
import { historyEntry, recentHistory } from '../outbox/history';
import { knownName } from '../outbox/names';
import { count, onOutboxChange, type OutboxChange } from '../outbox/outbox';
import type { HistoryEntry } from '../outbox/schema';

const LOCAL = ['kiosk', 'device'] as const;
const PENDING = 'pending';
const REFUSED = 'refused';

/** Whether a device-local read (`['kiosk', 'device', kind, …]`) may read differently after `change`. */
export function isAffectedBy(kind: unknown, change: OutboxChange): boolean {
  if (kind === PENDING) return true;
  if (kind === REFUSED) return change.refused;
  return change.answered;
}

/**
 * Refreshes the device-local reads a change may have altered, once the answer being prepared (if any) is painted: a
 * punch's change comes before its answer is on screen, and on a slow tablet these reads (and the renders they cause)
 * would delay it. A new punch alters only the pending count (its answer's card already knows it is waiting and whom
 * it names); the proxy's answers alter punch states and names; the list of refused punches, the costliest read, is
 * read again only when a punch was refused.
 */
export function useOutboxInvalidation(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onOutboxChange((change) =>
        afterAnswerPainted(
          () =>
            void queryClient.invalidateQueries({
              queryKey: LOCAL,
              predicate: (query) => isAffectedBy(query.queryKey[2], change),
            }),
        ),
      ),
    [queryClient],
  );
}

/**
 * A device-local read that starts, and whose result is taken in, only when no answer is being prepared (else once
 * that answer is painted): the read's work and the render of its result would otherwise come between a scan and its
 * answer.
 */
function settled<T>(read: () => Promise<T>): () => Promise<T> {
  return async () => {
    await answerSettled();
    const value = await read();
    await answerSettled();
    return value;
  };
}

export function usePendingCount(): number {
  return (
    useQuery({ queryKey: [...LOCAL, PENDING], queryFn: settled(count), networkMode: 'always' }).data ?? 0
  );
}

export interface PunchOnDevice {
  /** Null while nothing is answered (the punch is waiting). */
  entry: HistoryEntry | null;
  name: string | null;
}

/**
 * This device's record of a punch just recorded here, for its answer's card: `waiting`, or the proxy's answer with
 * its reason, and the name the proxy told this kiosk for the person, which arrives with that answer. It starts as
 * waiting with `known`, the name read a moment ago while deciding the punch, so the card does not read either back
 * as it appears: the outbox's next change (`useOutboxInvalidation`) reads them, as it does every device-local read.
 * One read for both, so that a card costs the answer one query to set up and to tear down, not two.
 */
export function usePunchOnDevice(id: string, employeeKey: string, known: string | null): PunchOnDevice {
  return useQuery({
    queryKey: [...LOCAL, 'punch', id],
    queryFn: settled(async () => {
      const [entry, name] = await Promise.all([historyEntry(id), knownName(employeeKey)]);
      return { entry: entry ?? null, name };
    }),
    networkMode: 'always',
    initialData: { entry: null, name: known },
    staleTime: Number.POSITIVE_INFINITY,
  }).data;
}

const RECENT_PUNCHES = 200;

/** This device's recent punches the proxy refused, newest first, with its reasons (for staff to follow up). */
export function useRefusedPunches() {
  return (
    useQuery({
      queryKey: [...LOCAL, REFUSED],
      queryFn: settled(async () =>
        (await recentHistory(RECENT_PUNCHES)).filter((p) => p.state === 'rejected'),
      ),
      networkMode: 'always',
    }).data ?? []
  );
}
