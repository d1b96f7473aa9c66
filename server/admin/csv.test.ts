import { afterEach, describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv';
import { ADMIN_TOKEN, buildTestConsole, storePunches, type TestConsole } from '../testing/admin-support';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [3, '3'],
    [-3, '-3'],
    [true, 'true'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('ends rows with CRLF', () => {
    expect(csvRow(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });
});

describe('GET /api/v1/admin/punches.csv', () => {
  let t: TestConsole;
  afterEach(async () => {
    await t.app.close();
    t.ledger.close();
  });
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

  it('exports the punches of the local days asked for, oldest first, quoted and defused', async () => {
    t = await buildTestConsole();
    t.ledger.saveDirectory(
      [{ userId: 'first', email: null, externalId: null, isActive: true, displayName: '@SUM(1+1)' }],
      0,
    );
    storePunches(t.ledger, [
      { wall: '2026-02-02T23:59:59', employeeKey: 'before' },
      { wall: '2026-02-03T00:00:00', employeeKey: 'first' },
      {
        wall: '2026-02-03T08:00:00',
        employee: { email: '=cmd@demo.example' },
        employeeKey: null,
        status: 'rejected',
        reason: 'unknown employee, "=cmd"',
      },
      { wall: '2026-02-04T23:59:59', employeeKey: 'last', status: 'queued' },
      { wall: '2026-02-05T00:00:00', employeeKey: 'after' },
    ]);
    const response = await t.app.inject({
      url: '/api/v1/admin/punches.csv?from=2026-02-03&to=2026-02-04',
      headers: auth,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="punches-2026-02-03-to-2026-02-04.csv"',
    );
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe(
      'kiosk_id,kiosk_name,punch_id,employee,employee_id,employee_name,direction,at,kenjo_date_time,time_zone,' +
        'status,reason,' +
        'is_overnight_shift,overnight_reason,attempts,last_error,received_at,delivered_at',
    );
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1);
    expect(rows.map((r) => r.split(',')[4])).toEqual(['first', '', 'last']);
    expect(rows[0]).toContain(',2026-02-03T00:00:00,Europe/Berlin,sent,,false,,');
    expect(rows[0]).toContain(",first,'@SUM(1+1),in,");
    expect(rows[1]).toContain(',email =cmd@demo.example,,,,');
    expect(rows[2]).toContain(',last,,in,');
    expect(rows[1]).toContain(',rejected,"unknown employee, ""=cmd""",');
  });

  it.each([
    ['no dates', ''],
    ['a bad date', '?from=2026-02-30&to=2026-03-01'],
    ['a reversed range', '?from=2026-02-05&to=2026-02-04'],
    ['more than a year', '?from=2025-01-01&to=2026-01-02'],
  ])('refuses %s', async (_name, search) => {
    t = await buildTestConsole();
    const response = await t.app.inject({ url: `/api/v1/admin/punches.csv${search}`, headers: auth });
    expect(response.statusCode).toBe(400);
  });
});
