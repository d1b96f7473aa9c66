/**
 * The answer on screen, held outside the screen's state: an answer re-renders only what shows it (the answer's
 * region), not the whole screen, which on a slow tablet is work between the scan and the painted answer. An answer
 * clears itself after `FEEDBACK_MS`; a new one replaces it and starts the time again.
 */
import type { PunchOutcome } from './record-punch';

export const FEEDBACK_MS = 4_000;

/** Answers given before anything is recorded: nothing typed, or typed text that is not an email address. */
export type InputAnswer = { kind: 'empty' } | { kind: 'not-an-email'; value: string };

export type Feedback = { seq: number } & (PunchOutcome | InputAnswer | { kind: 'save-failed' });

export interface FeedbackStore {
  current(): Feedback | null;
  subscribe(listener: () => void): () => void;
  show(feedback: Feedback): void;
  dismiss(): void;
}

export function createFeedbackStore(): FeedbackStore {
  let feedback: Feedback | null = null;
  let clearTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  const set = (next: Feedback | null) => {
    clearTimeout(clearTimer);
    if (next) clearTimer = setTimeout(() => set(null), FEEDBACK_MS);
    feedback = next;
    for (const listener of listeners) listener();
  };
  return {
    current: () => feedback,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    show: set,
    dismiss: () => {
      if (feedback) set(null);
    },
  };
}
