/**
 * Turns presented identifiers into punches and feedback. Punches are handled one after another (a second scan
 * waits for the first one's write), feedback is shown at once after the write and clears itself after
 * `FEEDBACK_MS`; a new punch replaces it. Sending, and whatever else can wait, starts once the feedback is painted.
 * A scan itself renders nothing: the screen changes once, with the answer.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { EmployeeRef } from '../../../core/punch';
import { afterAnswerPainted, holdForAnswer } from '../device/after-answer';
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
  /** Scans whose answer is not committed yet; a ref, as a render per scan would delay the answer itself. */
  const punching = useRef(0);
  /** Releases the holds of answers handed to React, once it has committed them. */
  const committing = useRef<Array<() => void>>([]);
  const latest = useRef(options);
  // At commit, not in a later effect: a scan right after a render (the directory just arrived) must see its data.
  useLayoutEffect(() => {
    latest.current = options;
  });
  const chain = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);

  const punch = useCallback((ref: EmployeeRef) => {
    const nowMs = Date.now();
    punching.current += 1;
    const release = holdForAnswer();
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
      committing.current.push(release);
      // Rendered at once, in this task: a render scheduled for later waits behind whatever else is queued.
      flushSync(() => setFeedback(next));
      punching.current -= 1;
      // Sending waits for the answer to be on screen: the person is the one waiting, the punch is already stored.
      if (outcome.kind === 'recorded') afterAnswerPainted(onRecorded);
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

  useLayoutEffect(() => {
    for (const release of committing.current.splice(0)) release();
  }, [feedback]);
  useLayoutEffect(
    () => () => {
      for (const release of committing.current.splice(0)) release();
    },
    [],
  );

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(null), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  const dismiss = useCallback(() => setFeedback(null), []);
  const isPunching = useCallback(() => punching.current > 0, []);
  return { feedback, isPunching, punch, answer, dismiss };
}
