/**
 * Turns presented identifiers into punches and feedback. Punches are handled one after another (a second scan
 * waits for the first one's write), feedback is shown at once after the write and clears itself after
 * `FEEDBACK_MS`; a new punch replaces it. Sending starts once the feedback is painted.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EmployeeRef } from '../../../core/punch';
import { afterNextPaint } from '../device/after-paint';
import { beep } from '../device/sound';
import { recordPunch, type PunchContext, type PunchOutcome } from './record-punch';

export const FEEDBACK_MS = 4_000;

export type Feedback = { seq: number } & (PunchOutcome | { kind: 'save-failed' });

export interface PunchControllerOptions {
  context: () => Omit<PunchContext, 'nowMs'>;
  onRecorded: () => void;
  sound: boolean;
}

export function usePunchController(options: PunchControllerOptions) {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const chain = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);

  const punch = useCallback((ref: EmployeeRef) => {
    const nowMs = Date.now();
    setBusy(true);
    chain.current = chain.current.then(async () => {
      const { context, onRecorded, sound } = latest.current;
      let outcome: PunchOutcome | { kind: 'save-failed' };
      try {
        outcome = await recordPunch(ref, { ...context(), nowMs });
      } catch {
        outcome = { kind: 'save-failed' };
      }
      seq.current += 1;
      setFeedback({ ...outcome, seq: seq.current });
      setBusy(false);
      // Sending waits for the answer to be on screen: the person is the one waiting, the punch is already stored.
      if (outcome.kind === 'recorded') afterNextPaint(onRecorded);
      if (sound) beep(outcome.kind === 'recorded' || outcome.kind === 'double-scan' ? 'success' : 'error');
    });
  }, []);

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(null), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  const dismiss = useCallback(() => setFeedback(null), []);
  return { feedback, busy, punch, dismiss };
}
