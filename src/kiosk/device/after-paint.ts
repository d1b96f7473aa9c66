/** Longest wait for the frames: a hidden page paints none, and the work must still run. */
export const AFTER_PAINT_FALLBACK_MS = 100;

/**
 * Runs `work` once the next frame has been painted and the one after it has begun, or after
 * `AFTER_PAINT_FALLBACK_MS` when no frames come. The kiosk answers a person first and does what can wait, such as
 * sending the punch, after. A task queued from the first frame's callback runs right after that frame's rendering,
 * while the compositor may still be putting it on screen, and on a slow tablet it then takes the main thread from
 * the frame that follows; the second frame's callback means the first one was handed over.
 */
export function afterPaintShown(work: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  const fallback = setTimeout(run, AFTER_PAINT_FALLBACK_MS);
  if (typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        run();
      }, 0),
    ),
  );
}
