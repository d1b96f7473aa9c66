import { useEffect, useSyncExternalStore } from 'react';
import type { FeedbackStore } from '../punch/feedback-store';
import type { Connection } from '../sync/use-connection';
import { FeedbackCard } from './feedback-card';

interface Props {
  answers: FeedbackStore;
  timeZone: string;
  connection: Connection;
  /** A badge or email the cached directory lacks was just answered. */
  onUnknown: () => void;
}

/**
 * Where the answer to each punch appears, announced to screen readers. The only part of the screen an answer
 * renders: each answer mounts a card of its own.
 */
export function AnswerRegion({ answers, timeZone, connection, onUnknown }: Props) {
  const feedback = useSyncExternalStore(answers.subscribe, answers.current);
  // A badge the cached directory lacks may belong to someone added since: ask the proxy again for the next try.
  const unknownSeen = feedback?.kind === 'unknown' ? feedback.seq : null;
  useEffect(() => {
    if (unknownSeen !== null) onUnknown();
  }, [unknownSeen, onUnknown]);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="feedback-region">
      {feedback && (
        <FeedbackCard
          key={feedback.seq}
          feedback={feedback}
          timeZone={timeZone}
          connection={connection}
          onDismiss={answers.dismiss}
        />
      )}
    </div>
  );
}
