/** Longest wait for a frame: a hidden page paints none, and the work must still run. */
export const AFTER_PAINT_FALLBACK_MS = 100;

/**
 * Runs `work` once the browser has painted the next frame (a task queued from a frame callback runs after that
 * frame's paint), or after `AFTER_PAINT_FALLBACK_MS` when no frame comes. The kiosk answers a person first and does
 * what can wait, such as sending the punch, after: on a slow tablet the sending's work would otherwise delay the
 * answer on screen.
 */
export function afterNextPaint(work: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  const fallback = setTimeout(run, AFTER_PAINT_FALLBACK_MS);
  if (typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() =>
    setTimeout(() => {
      clearTimeout(fallback);
      run();
    }, 0),
  );
}
