/**
 * The page's keys, read as a keyboard-wedge badge reader's: a scan ends with Enter (`BadgeBuffer`). From a scan's
 * first key until its Enter, the kiosk holds work that can wait (`holdForAnswer`): a send or a read started while a
 * badge is being typed would otherwise run between the Enter and the answer on screen. Keys that stop coming release
 * the hold after `BADGE_MAX_PAUSE_MS`, as the buffer then no longer takes them as a scan.
 */
import { holdForAnswer } from '../device/after-answer';
import { BADGE_MAX_PAUSE_MS, createBadgeBuffer, type KeyInput } from './badge-buffer';

export interface BadgeKeys {
  /** Returns whether the key completed a scan (the caller then keeps Enter from activating a button). */
  handleKey(input: KeyInput): boolean;
  /** Releases a hold still taken (the listener is removed). */
  close(): void;
}

export function createBadgeKeys(
  onScan: (badge: string) => void,
  hold: () => () => void = holdForAnswer,
): BadgeKeys {
  const buffer = createBadgeBuffer({ onScan });
  let release: (() => void) | null = null;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const releaseHold = () => {
    clearTimeout(quiet);
    release?.();
    release = null;
  };
  return {
    handleKey(input) {
      // On Enter, `onScan` runs first: the punch takes a hold of its own before this one ends.
      const taken = buffer.handleKey(input);
      if (buffer.pending(input.timeMs)) {
        release ??= hold();
        clearTimeout(quiet);
        quiet = setTimeout(releaseHold, BADGE_MAX_PAUSE_MS);
      } else {
        releaseHold();
      }
      return taken;
    },
    close: releaseHold,
  };
}
