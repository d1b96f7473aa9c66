import { useEffect, useState } from 'react';

const MINUTE_MS = 60_000;

/** Milliseconds from `nowMs` to the next minute's start: on every zone's clock too, as zones differ by whole minutes. */
export function msToNextMinute(nowMs: number): number {
  return MINUTE_MS - (nowMs % MINUTE_MS);
}

/**
 * The current time, refreshed as each minute begins: the clock shows hours and minutes, and a render every second
 * would be work beside the scans it happens to meet, which on a slow tablet delays their answers.
 */
export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      timer = setTimeout(tick, msToNextMinute(at));
    };
    timer = setTimeout(tick, msToNextMinute(Date.now()));
    return () => clearTimeout(timer);
  }, []);
  return now;
}
