/**
 * Turns presented identifiers into punches and answers. Punches are handled one after another (a second scan waits
 * for the first one's write); the answer is shown at once after the write, through the feedback store, so that it
 * re-renders only the answer's region. Sending, and whatever else can wait, starts once the answer is painted.
 * A scan itself renders nothing: the screen changes once, with the answer.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { EmployeeRef } from '../../../core/punch';
import { afterAnswerPainted, holdForAnswer } from '../device/after-answer';
import { beep, type Beep } from '../device/sound';
import { createFeedbackStore, type Feedback, type InputAnswer } from './feedback-store';
import { recordPunch, type PunchContext, type PunchOutcome } from './record-punch';

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
  const [answers] = useState(createFeedbackStore);
  /** Scans whose answer is not committed yet; a ref, as a render per scan would delay the answer itself. */
  const punching = useRef(0);
  const latest = useRef(options);
  // At commit, not in a later effect: a scan right after a render (the directory just arrived) must see its data.
  useLayoutEffect(() => {
    latest.current = options;
  });
  const chain = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);

  const punch = useCallback(
    (ref: EmployeeRef) => {
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
        // Rendered and committed at once, in this task: a render scheduled for later waits behind whatever else is
        // queued. Once it returns, the answer is committed, and work held for it may follow its paint.
        try {
          flushSync(() => answers.show(next));
        } finally {
          release();
          punching.current -= 1;
        }
        // Sending waits for the answer to be on screen: the person is the one waiting, the punch is already stored.
        if (outcome.kind === 'recorded') afterAnswerPainted(onRecorded);
        if (sound) beep(toneOf(next));
      });
    },
    [answers],
  );

  /** Answers input that never becomes a punch, after any punch still being written. */
  const answer = useCallback(
    (input: InputAnswer) => {
      chain.current = chain.current.then(() => {
        seq.current += 1;
        answers.show({ ...input, seq: seq.current });
        if (latest.current.sound) beep('error');
      });
    },
    [answers],
  );

  const isPunching = useCallback(() => punching.current > 0, []);
  return { answers, isPunching, punch, answer };
}
