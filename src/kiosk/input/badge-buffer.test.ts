import { describe, expect, it } from 'vitest';
import { BADGE_MAX_PAUSE_MS, createBadgeBuffer, type KeyInput } from './badge-buffer';

function feed(keys: ReadonlyArray<Partial<KeyInput> & { key: string }>, gapMs = 10): string[] {
  const scans: string[] = [];
  const buffer = createBadgeBuffer({ onScan: (badge) => scans.push(badge) });
  let timeMs = 1_000;
  for (const input of keys) {
    timeMs = input.timeMs ?? timeMs + gapMs;
    buffer.handleKey({ inTextField: false, ...input, timeMs });
  }
  return scans;
}

const typed = (text: string) => [...text].map((key) => ({ key }));

describe('badge key buffer', () => {
  it.each([
    ['a fast badge and Enter', [...typed('B-1001'), { key: 'Enter' }], ['B-1001']],
    [
      'two scans in a row',
      [...typed('B-1001'), { key: 'Enter' }, ...typed('B-1002'), { key: 'Enter' }],
      ['B-1001', 'B-1002'],
    ],
    ['too short to be a badge', [...typed('B1'), { key: 'Enter' }], []],
    ['Enter alone', [{ key: 'Enter' }], []],
    [
      'modifier and navigation keys are skipped',
      [...typed('B-10'), { key: 'Shift' }, ...typed('01'), { key: 'Enter' }],
      ['B-1001'],
    ],
    [
      'keys typed into a text field',
      [...typed('B-1001').map((k) => ({ ...k, inTextField: true })), { key: 'Enter', inTextField: true }],
      [],
    ],
    [
      'a focused field in the middle clears the buffer',
      [...typed('B-10'), { key: 'x', inTextField: true }, ...typed('01'), { key: 'Enter' }],
      [],
    ],
  ])('%s', (_name, keys, expected) => {
    expect(feed(keys)).toEqual(expected);
  });

  it('starts over after a pause longer than a reader makes', () => {
    const keys = [...typed('99'), { key: 'B', timeMs: 5_000 }, ...typed('-1001'), { key: 'Enter' }];
    expect(feed(keys)).toEqual(['B-1001']);
  });

  it('ignores human typing followed by Enter', () => {
    expect(feed([...typed('B-1001'), { key: 'Enter' }], 120)).toEqual([]);
  });

  it('forgives one key a busy browser delayed', () => {
    const keys = [
      ...typed('B-10'),
      { key: '0', timeMs: 1_250 },
      { key: '1', timeMs: 1_255 },
      { key: 'Enter', timeMs: 1_260 },
    ];
    expect(feed(keys, 5)).toEqual(['B-1001']);
  });

  it('reports that the completing Enter was taken, and nothing else', () => {
    const buffer = createBadgeBuffer({ onScan: () => undefined });
    const taken = [...'B-1001', 'Enter'].map((key, i) =>
      buffer.handleKey({ key, timeMs: i * 5, inTextField: false }),
    );
    expect(taken).toEqual([false, false, false, false, false, false, true]);
  });

  it.each([
    ['nothing typed', [], 1_000, false],
    ['the first key of a scan', ['B'], 1_000, true],
    ['keys at a pause a reader still makes', ['B', '-'], 1_000 + BADGE_MAX_PAUSE_MS, true],
    ['keys followed by a longer pause', ['B', '-'], 1_001 + BADGE_MAX_PAUSE_MS, false],
    ['a scan completed by Enter', [...'B-1001', 'Enter'], 1_000, false],
    ['Enter alone', ['Enter'], 1_000, false],
    ['keys typed into a text field', ['B', { key: '-', inTextField: true }], 1_000, false],
  ] as const)('says a scan is pending after %s', (_name, keys, atMs, pending) => {
    const buffer = createBadgeBuffer({ onScan: () => undefined });
    for (const key of keys) {
      const input = typeof key === 'string' ? { key } : key;
      buffer.handleKey({ inTextField: false, ...input, timeMs: 1_000 });
    }
    expect(buffer.pending(atMs)).toBe(pending);
  });
});
