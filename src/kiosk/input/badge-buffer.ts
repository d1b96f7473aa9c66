/**
 * A keyboard-wedge badge reader "types" the badge number and Enter, much faster than a person. The buffer keeps
 * characters that arrive within `maxGapMs` of each other; Enter hands over what it holds when it is long enough.
 * A slower key starts a new buffer, so stray typing never turns into a punch.
 */
export interface BadgeBufferOptions {
  /** Longest pause between two characters of one scan. */
  maxGapMs?: number;
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
}

export const BADGE_MAX_GAP_MS = 80;
export const BADGE_MIN_LENGTH = 3;

export function createBadgeBuffer(options: BadgeBufferOptions): BadgeBuffer {
  const maxGapMs = options.maxGapMs ?? BADGE_MAX_GAP_MS;
  const minLength = options.minLength ?? BADGE_MIN_LENGTH;
  let buffer = '';
  let lastMs = Number.NEGATIVE_INFINITY;

  return {
    handleKey({ key, timeMs, inTextField }) {
      if (inTextField) {
        buffer = '';
        return false;
      }
      const fresh = timeMs - lastMs <= maxGapMs;
      if (key === 'Enter') {
        const scanned = fresh ? buffer.trim() : '';
        buffer = '';
        lastMs = Number.NEGATIVE_INFINITY;
        if (scanned.length < minLength) return false;
        options.onScan(scanned);
        return true;
      }
      if (key.length !== 1) return false;
      buffer = fresh ? buffer + key : key;
      lastMs = timeMs;
      return false;
    },
  };
}
