import { describe, expect, it } from 'vitest';
import { type ChainScan, judgeChain } from './double-scan-chain';

const S = 1000;
const movable = (...seconds: number[]): ChainScan[] => seconds.map((s) => ({ atMs: s * S, movable: true }));
const kept = (scans: ChainScan[], before: number | null = null) =>
  judgeChain(scans, before === null ? null : before * S, 60).map((verdict) => verdict.keep);

describe('judgeChain', () => {
  it('keeps the first, ignores what follows it within the window, and lets an ignored punch cover nothing', () => {
    expect(kept(movable(0, 40, 80))).toEqual([true, false, true]);
    expect(kept(movable(0, 40, 80, 120, 160))).toEqual([true, false, true, false, true]);
    expect(kept(movable(0, 60))).toEqual([true, true]);
  });

  it('counts the punch kept before the stretch', () => {
    expect(kept(movable(30, 100), 0)).toEqual([false, true]);
    expect(kept(movable(60), 0)).toEqual([true]);
  });

  it('keeps a punch already gone to Kenjo and ignores a movable one just before it instead', () => {
    const scans = [
      { atMs: 0, movable: true },
      { atMs: 30 * S, movable: false },
      { atMs: 100 * S, movable: true },
    ];
    expect(judgeChain(scans, null, 60)).toEqual([
      { keep: false, coveredByAtMs: 30 * S },
      { keep: true },
      { keep: true },
    ]);
  });

  it('names the punch that covers an ignored one', () => {
    expect(judgeChain(movable(0, 40), null, 60)[1]).toEqual({ keep: false, coveredByAtMs: 0 });
  });
});
