import { describe, expect, it } from 'vitest';
import { decideDoubleScan, doubleScanReason, findDoubleScan } from './double-scan';

const T0 = Date.parse('2026-02-04T07:01:00Z');
const s = (seconds: number): number => T0 + seconds * 1000;

describe('findDoubleScan', () => {
  it.each<[string, number[], number, number, number | null]>([
    ['no earlier punch', [], s(0), 60, null],
    ['the same instant', [s(0)], s(0), 60, s(0)],
    ['one second later', [s(0)], s(1), 60, s(0)],
    ['1 ms inside the window', [s(0)], s(60) - 1, 60, s(0)],
    ['exactly the window apart', [s(0)], s(60), 60, null],
    ['beyond the window', [s(0)], s(61), 60, null],
    ['a later-recorded punch inside the window', [s(30)], s(0), 60, s(30)],
    ['a later-recorded punch 1 ms inside the window', [s(60) - 1], s(0), 60, s(60) - 1],
    ['a later-recorded punch exactly the window apart', [s(60)], s(0), 60, null],
    ['the nearest earlier punch wins', [s(-50), s(-10), s(-100)], s(0), 60, s(-10)],
    ['an earlier punch wins over a nearer later one', [s(-40), s(1)], s(0), 60, s(-40)],
    ['the nearest later punch when none is earlier', [s(50), s(20)], s(0), 60, s(20)],
    ['only punches outside the window', [s(-3600), s(3600)], s(0), 60, null],
    ['a window of 0 turns the rule off', [s(0)], s(0), 0, null],
    ['a fractional window', [s(0)], s(1), 1.5, s(0)],
  ])('%s', (_name, previous, atMs, windowS, expected) => {
    expect(findDoubleScan(previous, atMs, windowS)).toBe(expected);
  });

  it.each([-1, NaN, Infinity])('throws for a window of %s s', (windowS) => {
    expect(() => findDoubleScan([s(0)], s(0), windowS)).toThrow(RangeError);
  });
});

describe('doubleScanReason', () => {
  it.each([
    ['Europe/Berlin', 'already recorded at 08:01'],
    ['America/New_York', 'already recorded at 02:01'],
    ['UTC', 'already recorded at 07:01'],
  ])('in %s says %j', (zone, expected) => {
    const reason = doubleScanReason(s(59.999), zone);
    expect(reason.text).toBe(expected);
    expect(reason.code).toBe('double-scan');
    expect(String(reason.params.first).slice(11, 16)).toBe(expected.slice(-5));
  });
});

describe('decideDoubleScan: the earlier of two punches is kept', () => {
  const q = (seconds: number) => ({ atMs: s(seconds), movable: true });
  const sent = (seconds: number) => ({ atMs: s(seconds), movable: false });
  it.each<[string, Array<{ atMs: number; movable: boolean }>, number, ReturnType<typeof decideDoubleScan>]>([
    ['nothing recorded', [], s(0), { kind: 'keep', displace: [] }],
    [
      'an earlier one recorded: this is the double scan',
      [q(0)],
      s(7),
      { kind: 'ignore', coveredByAtMs: s(0) },
    ],
    [
      'an earlier one already sent: this is the double scan',
      [sent(0)],
      s(7),
      { kind: 'ignore', coveredByAtMs: s(0) },
    ],
    [
      'a later one recorded, not sent: that one is displaced',
      [q(7)],
      s(0),
      { kind: 'keep', displace: [s(7)] },
    ],
    [
      'a later one already sent: this one is ignored',
      [sent(7)],
      s(0),
      { kind: 'ignore', coveredByAtMs: s(7) },
    ],
    [
      'two later ones, not sent: both displaced',
      [q(7), q(30)],
      s(0),
      { kind: 'keep', displace: [s(7), s(30)] },
    ],
    [
      'two later ones, one sent: this one is ignored',
      [q(7), sent(30)],
      s(0),
      { kind: 'ignore', coveredByAtMs: s(30) },
    ],
    ['a later one exactly the window apart: two punches', [q(60)], s(0), { kind: 'keep', displace: [] }],
    [
      'one at the same instant (two kiosks, one second): this is the double scan',
      [q(0)],
      s(0),
      { kind: 'ignore', coveredByAtMs: s(0) },
    ],
    [
      'a later one inside the window, another exactly the window apart: only the first displaced',
      [q(7), q(60)],
      s(0),
      { kind: 'keep', displace: [s(7)] },
    ],
    [
      'two later ones sent: this one is ignored for the nearer',
      [sent(30), sent(7)],
      s(0),
      { kind: 'ignore', coveredByAtMs: s(7) },
    ],
    ['an earlier one beats a later one', [q(-40), sent(10)], s(0), { kind: 'ignore', coveredByAtMs: s(-40) }],
  ])('%s', (_name, recorded, atMs, expected) => {
    expect(decideDoubleScan(recorded, atMs, 60)).toEqual(expected);
  });
});
