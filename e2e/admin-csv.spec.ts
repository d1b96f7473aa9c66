import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO_EMPLOYEES } from '../server/simulator/employees';
import { ADMIN_TOKEN, AdminPage, berlinWallTime, KioskClient } from './pages/admin-page';

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  return rows;
}

test('the CSV export holds exactly the punches of the range', async ({ page, request }) => {
  const kiosk = await KioskClient.create(request, 'CSV door');
  const instants = [50, 40, 30].map((minutes) => new Date(Date.now() - minutes * 60_000));
  const badges = ['B-1101', 'B-1102', 'B-1103'];
  for (const [index, at] of instants.entries()) {
    expect((await kiosk.punch({ externalId: badges[index] ?? '' }, at)).status).toBe(200);
  }
  const days = instants.map((at) => berlinWallTime(at).slice(0, 10)).sort();

  const admin = new AdminPage(page);
  await admin.goto();
  await admin.signIn();
  await admin.open('Punches');
  const exportForm = page.getByRole('region', { name: 'Export to CSV' });
  await exportForm.getByLabel('From').fill(days[0] ?? '');
  await exportForm.getByLabel('To').fill(days.at(-1) ?? '');
  const downloading = page.waitForEvent('download');
  await exportForm.getByRole('link', { name: 'Download CSV' }).click();
  const download = await downloading;
  const rows = parseCsv(await readFile((await download.path()) ?? '', 'utf8'));
  const header = rows[0] ?? [];
  expect(header.slice(0, 4)).toEqual(['kiosk_id', 'kiosk_name', 'punch_id', 'employee']);
  const column = (name: string) => header.indexOf(name);
  const ours = rows.slice(1).filter((row) => row[column('kiosk_id')] === kiosk.id);

  const listed = await request.get(`/api/v1/admin/punches?kioskId=${kiosk.id}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  const punches = ((await listed.json()) as { punches: { id: string; kenjoDateTime: string; at: string }[] })
    .punches;
  expect(punches).toHaveLength(3);
  expect(ours.map((row) => row[column('punch_id')]).sort()).toEqual(punches.map((p) => p.id).sort());
  for (const punch of punches) {
    const row = ours.find((r) => r[column('punch_id')] === punch.id) ?? [];
    expect(row[column('kenjo_date_time')]).toBe(punch.kenjoDateTime);
    expect(row[column('at')]).toBe(punch.at);
    expect(row[column('kiosk_name')]).toBe('CSV door');
  }
  expect(ours.map((row) => row[column('employee')])).toEqual(badges.map((b) => `badge ${b}`));
  // Names and direction, as in the console's list: each of them clocked in once.
  expect(ours.map((row) => [row[column('employee_name')], row[column('direction')]])).toEqual(
    badges.map((b) => [DEMO_EMPLOYEES.find((e) => e.externalId === b)?.displayName, 'in']),
  );
});
