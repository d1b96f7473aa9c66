import { afterEach, describe, expect, it } from 'vitest';
import {
  buildTestConsole,
  ledgerPunch,
  NOW_MS,
  signIn,
  storePunches,
  type PunchSpec,
  type TestConsole,
} from '../testing/admin-support';
import { PAIRING_CASES } from '../../core/testing/pairing-cases';
import { whoIsIn } from './who-is-in';

const TODAY = '2026-02-04';
const YESTERDAY = '2026-02-03';
const at = (day: string, time: string) => `${day}T${time}:00`;

describe('whoIsIn over the pairing cases (now is the next punch)', () => {
  it.each(PAIRING_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const punches = c.history.map((p) => ({
      ...ledgerPunch({ wall: p.wallTime, employeeKey: 'emp-1', isOvernightShift: p.isOvernightShift }),
      atMs: p.atMs,
      timeZone: c.timeZone,
    }));
    const { present } = whoIsIn(punches, c.punch.atMs, c.maxShiftHours);
    expect(present.length > 0).toBe(c.in);
    expect(present.some((entry) => entry.overnight)).toBe(c.isOvernightShift);
  });
});

describe('whoIsIn', () => {
  type Case = [string, PunchSpec[], number, string[], string[]];
  // [name, punches of emp-1, now, present since (wall times, "+o" when overnight), forgotten since]
  it.each<Case>([
    ['in since this morning', [{ wall: at(TODAY, '08:00') }], NOW_MS, [at(TODAY, '08:00')], []],
    ['in and out this morning', [{ wall: at(TODAY, '08:00') }, { wall: at(TODAY, '09:00') }], NOW_MS, [], []],
    [
      'in, out, in again',
      [{ wall: at(TODAY, '07:00') }, { wall: at(TODAY, '08:00') }, { wall: at(TODAY, '09:30') }],
      NOW_MS,
      [at(TODAY, '09:30')],
      [],
    ],
    [
      'a pending punch counts',
      [{ wall: at(TODAY, '08:00'), status: 'queued' }],
      NOW_MS,
      [at(TODAY, '08:00')],
      [],
    ],
    [
      'a night shift still running',
      [{ wall: at(YESTERDAY, '22:00') }],
      NOW_MS,
      [`${at(YESTERDAY, '22:00')}+o`],
      [],
    ],
    [
      'a night shift closed overnight',
      [{ wall: at(YESTERDAY, '22:00') }, { wall: at(TODAY, '06:00'), isOvernightShift: true }],
      NOW_MS,
      [],
      [],
    ],
    [
      'a night shift whose close is still queued',
      [{ wall: at(YESTERDAY, '22:00') }, { wall: at(TODAY, '06:00'), status: 'queued' }],
      NOW_MS,
      [],
      [],
    ],
    [
      'a day closed yesterday',
      [{ wall: at(YESTERDAY, '08:00') }, { wall: at(YESTERDAY, '17:00') }],
      NOW_MS,
      [],
      [],
    ],
    [
      'a forgotten clock-out (26 h ago)',
      [{ wall: at(YESTERDAY, '08:00') }],
      NOW_MS,
      [],
      [at(YESTERDAY, '08:00')],
    ],
    [
      'a forgotten clock-out, and in again today',
      [{ wall: at(YESTERDAY, '08:00') }, { wall: at(TODAY, '09:00') }],
      NOW_MS,
      [at(TODAY, '09:00')],
      [at(YESTERDAY, '08:00')],
    ],
    [
      'a night start no longer closable after 18:00',
      [{ wall: at(YESTERDAY, '22:00') }],
      Date.parse(`${TODAY}T18:30:00+01:00`),
      [],
      [at(YESTERDAY, '22:00')],
    ],
    ['an entry of two days ago is not reported', [{ wall: '2026-02-02T08:00:00' }], NOW_MS, [], []],
  ])('%s', (_name, specs, nowMs, present, forgotten) => {
    const result = whoIsIn(specs.map(ledgerPunch), nowMs, 16);
    expect(result.present.map((e) => `${e.punch.kenjoDateTime}${e.overnight ? '+o' : ''}`)).toEqual(present);
    expect(result.forgotten.map((e) => e.punch.kenjoDateTime)).toEqual(forgotten);
  });

  it('keeps employees apart', () => {
    const punches = [
      ledgerPunch({ wall: at(TODAY, '08:00'), employeeKey: 'a' }),
      ledgerPunch({ wall: at(TODAY, '08:30'), employeeKey: 'b' }),
      ledgerPunch({ wall: at(TODAY, '09:00'), employeeKey: 'b' }),
    ];
    expect(whoIsIn(punches, NOW_MS, 16).present.map((e) => e.punch.employeeKey)).toEqual(['a']);
  });
});

describe('GET /api/v1/admin/who-is-in', () => {
  let t: TestConsole;
  afterEach(async () => {
    await t.app.close();
    t.ledger.close();
  });

  it('groups who is in per kiosk, filters by site and lists forgotten clock-outs', async () => {
    t = await buildTestConsole();
    t.ledger.saveDirectory(
      [
        {
          userId: 'a',
          email: 'ada@demo.example',
          externalId: 'B-a',
          isActive: true,
          displayName: 'Ada Lovelace',
        },
      ],
      NOW_MS,
    );
    storePunches(t.ledger, [
      { wall: at(TODAY, '08:00'), employeeKey: 'a', kioskId: 'front' },
      { wall: at(TODAY, '08:10'), employeeKey: 'b', kioskId: 'back' },
      // Which punches count is the ledger's read: a failed one does not, one still waiting for Kenjo does.
      { wall: at(TODAY, '08:20'), employeeKey: 'c', kioskId: 'back', status: 'failed' },
      { wall: at(TODAY, '08:30'), employeeKey: 'e', kioskId: 'back', status: 'queued' },
      { wall: at(YESTERDAY, '07:00'), employeeKey: 'd', kioskId: 'front' },
    ]);
    const { cookie } = await signIn(t.app);
    const all = (await t.app.inject({ url: '/api/v1/admin/who-is-in', headers: { cookie } })).json();
    expect(all.presentCount).toBe(3);
    expect(all.sites).toEqual([
      expect.objectContaining({
        kioskId: 'front',
        people: [
          expect.objectContaining({
            employeeKey: 'a',
            employeeName: 'Ada Lovelace',
            sinceWallTime: at(TODAY, '08:00'),
          }),
        ],
      }),
      expect.objectContaining({
        kioskId: 'back',
        people: [
          expect.objectContaining({ employeeKey: 'b' }),
          expect.objectContaining({ employeeKey: 'e' }),
        ],
      }),
    ]);
    expect(all.forgotten).toEqual([
      expect.objectContaining({ employeeKey: 'd', sinceWallTime: at(YESTERDAY, '07:00') }),
    ]);

    const back = (
      await t.app.inject({ url: '/api/v1/admin/who-is-in?site=back', headers: { cookie } })
    ).json();
    expect(back.sites.map((s: { kioskId: string }) => s.kioskId)).toEqual(['back']);
    expect(back.forgotten).toEqual([]);
  });

  it('needs an operator', async () => {
    t = await buildTestConsole();
    expect((await t.app.inject({ url: '/api/v1/admin/who-is-in' })).statusCode).toBe(401);
  });
});
