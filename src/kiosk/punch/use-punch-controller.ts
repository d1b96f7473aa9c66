/**
 * Turns presented identifiers into punches and feedback. Punches are handled one after another (a second scan
 * waits for the first one's write), feedback is shown at once after the write and clears itself after
 * `FEEDBACK_MS`; a new punch replaces it. Sending starts once the feedback is painted.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EmployeeRef } from '../../../core/punch';
import { afterNextPaint } from '../device/after-paint';
import { beep, type Beep } from '../device/sound';
import { recordPunch, type PunchContext, type PunchOutcome } from './record-punch';

export const FEEDBACK_MS = 4_000;

/** Answers given before anything is recorded: nothing typed, or typed text that is not an email address. */
export type InputAnswer = { kind: 'empty' } | { kind: 'not-an-email'; value: string };

export type Feedback = { seq: number } & (PunchOutcome | InputAnswer | { kind: 'save-failed' });

function toneOf(feedback: Feedback): Beep {
  if (feedback.kind === 'recorded') return feedback.direction;
  return feedback.kind === 'double-scan' ? 'notice' : 'error';
}

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
      const next = { ...outcome, seq: seq.current };
      setFeedback(next);
      setBusy(false);
      // Sending waits for the answer to be on screen: the person is the one waiting, the punch is already stored.
      if (outcome.kind === 'recorded') afterNextPaint(onRecorded);
      if (sound) beep(toneOf(next));
    });
  }, []);

  /** Answers input that never becomes a punch, after any punch still being written. */
  const answer = useCallback((input: InputAnswer) => {
    chain.current = chain.current.then(() => {
      seq.current += 1;
      setFeedback({ ...input, seq: seq.current });
      if (latest.current.sound) beep('error');
    });
  }, []);

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(null), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  const dismiss = useCallback(() => setFeedback(null), []);
  return { feedback, busy, punch, answer, dismiss };
}
