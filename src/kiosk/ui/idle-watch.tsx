import { useEffect, useSyncExternalStore } from 'react';
import type { FeedbackStore } from '../punch/feedback-store';
import type { SyncEngine } from '../sync/sync-engine';
import { useSyncStatus } from '../sync/use-sync';
import { setIdleCheck } from '../update/sw-update';
import { usePunchLanguageReset } from './use-punch-language-reset';

interface Props {
  engine: SyncEngine;
  answers: FeedbackStore;
  /** Someone is typing an email or showing a code to the camera. */
  busy: boolean;
  isPunching: () => boolean;
}

/**
 * Whether the kiosk is idle (no answer on screen, no send in flight, nobody typing or scanning), for the updater and
 * the language chosen for one punch. A component of its own that renders nothing: whether a send is in flight
 * changes twice per punch, right after its answer is painted, and only this needs to know.
 */
export function IdleWatch({ engine, answers, busy, isPunching }: Props) {
  const feedbackSeq = useSyncExternalStore(answers.subscribe, () => answers.current()?.seq ?? null);
  const sending = useSyncStatus(engine, (status) => status.sending);
  const idle = feedbackSeq === null && !sending && !busy;
  useEffect(() => setIdleCheck(() => idle && !isPunching()), [idle, isPunching]);
  usePunchLanguageReset(feedbackSeq, idle);
  return null;
}
