/**
 * Work that can wait until a person's answer is on screen: sending the punch, refreshing the device-local reads.
 * While an answer is being prepared (from a scan's first key to the commit of its card) such work is held; once the
 * card is committed it runs after the paint that shows the card (`afterPaintShown`). Scheduling it for "the next paint" earlier
 * is not enough: a frame that comes before the card is committed paints the screen without it, and the work queued
 * behind that frame then runs ahead of the card's own paint, which on a slow tablet is what delays the answer.
 */
import { afterPaintShown } from './after-paint';

/** Longest hold: an answer that never comes (a failed render) must not keep a punch from being sent. */
export const ANSWER_HOLD_MAX_MS = 1_000;

let holds = 0;
let held: Array<() => void> = [];

/**
 * Runs `work` after the next paint, unless an answer is being prepared by then (a scan came while it waited for
 * that paint): it is then held again, for the paint of that answer.
 */
function afterPaintUnlessAnswering(work: () => void): void {
  afterPaintShown(() => {
    if (holds > 0) held.push(work);
    else work();
  });
}

function flush(): void {
  if (holds > 0 || held.length === 0) return;
  const work = held;
  held = [];
  // One task each: a frame due in between can run between them.
  for (const run of work) afterPaintUnlessAnswering(run);
}

/** An answer is being prepared; the returned function says it is committed (only its first call counts). */
export function holdForAnswer(): () => void {
  holds += 1;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    holds -= 1;
    flush();
  };
  const timer = setTimeout(release, ANSWER_HOLD_MAX_MS);
  return release;
}

/**
 * Runs `work` after the next paint, and when an answer is being prepared (now, or by the time that paint comes),
 * after the paint that shows it.
 */
export function afterAnswerPainted(work: () => void): void {
  if (holds === 0) {
    afterPaintUnlessAnswering(work);
    return;
  }
  held.push(work);
}

/**
 * Resolves at once when no answer is being prepared, else once the answers in preparation are painted: for work
 * that arrives on its own (the proxy's answer to an earlier send) and can wait that long.
 */
export function answerSettled(): Promise<void> {
  if (holds === 0) return Promise.resolve();
  return new Promise((resolve) => held.push(resolve));
}
