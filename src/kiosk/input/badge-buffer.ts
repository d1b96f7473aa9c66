/**
 * A keyboard-wedge badge reader "types" the badge number and Enter, much faster than a person. The buffer keeps
 * characters until Enter and hands them over when they came at a reader's pace: on average at most
 * `maxAverageGapMs` apart (a busy browser may delay a single key, so one slow gap is forgiven), none more than
 * `maxPauseMs` apart (a longer pause starts a new buffer). Stray human typing never turns into a punch.
 */
export interface BadgeBufferOptions {
  maxAverageGapMs?: number;
  maxPauseMs?: number;
  /** Shortest badge number accepted. */
  minLength?: number;
  onScan: (badge: string) => void;
}

export interface KeyInput {
  key: string;
  timeMs: number;
  /** A text field has focus: the keys belong to it. */
  inTextField: boolean;
}

export interface BadgeBuffer {
  /** Returns whether the key completed a scan (the caller then stops Enter from also activating a button). */
  handleKey(input: KeyInput): boolean;
  /**
   * Whether a scan may be being typed at `timeMs`: keys were taken since the last Enter, the last one at most
   * `maxPauseMs` earlier. From a scan's first key the kiosk keeps other work out of the way of its answer.
   */
  pending(timeMs: number): boolean;
}

export const BADGE_MAX_AVERAGE_GAP_MS = 50;
export const BADGE_MAX_PAUSE_MS = 300;
export const BADGE_MIN_LENGTH = 3;

export function createBadgeBuffer(options: BadgeBufferOptions): BadgeBuffer {
  const maxAverageGapMs = options.maxAverageGapMs ?? BADGE_MAX_AVERAGE_GAP_MS;
  const maxPauseMs = options.maxPauseMs ?? BADGE_MAX_PAUSE_MS;
  const minLength = options.minLength ?? BADGE_MIN_LENGTH;
  let buffer = '';
  let firstMs = 0;
  let lastMs = Number.NEGATIVE_INFINITY;

  const reset = () => {
    buffer = '';
    lastMs = Number.NEGATIVE_INFINITY;
  };

  return {
    handleKey({ key, timeMs, inTextField }) {
      if (inTextField) {
        reset();
        return false;
      }
      const continues = timeMs - lastMs <= maxPauseMs;
      if (key === 'Enter') {
        const scanned = buffer.trim();
        const averageGapMs = (timeMs - firstMs) / Math.max(1, buffer.length);
        reset();
        if (!continues || scanned.length < minLength || averageGapMs > maxAverageGapMs) return false;
        options.onScan(scanned);
        return true;
      }
      if (key.length !== 1) return false;
      if (!continues) {
        buffer = '';
        firstMs = timeMs;
      }
      buffer += key;
      lastMs = timeMs;
      return false;
    },
    pending: (timeMs) => buffer !== '' && timeMs - lastMs <= maxPauseMs,
  };
}
