import { describe, expect, it } from 'vitest';
import {
  type Harness,
  T0,
  adminHeaders,
  bearer,
  createKiosk,
  errorOf,
  postPunches,
  punch,
  type CreatedKiosk,
  withHarness,
} from '../testing/routes-harness';

let h: Harness;
let kiosk: CreatedKiosk;
withHarness((made) => ({ h, kiosk } = made));

const list = (query = '', headers = adminHeaders) =>
  h.app.inject({ url: `/api/v1/admin/punches${query}`, headers });
type Page = { punches: Array<{ id: string; status: string; kioskId: string }>; nextCursor: number | null };
const at = (offsetS: number) => new Date(T0 + offsetS * 1000).toISOString();

describe('GET /api/v1/admin/punches', () => {
  it('filters by status, kiosk, employee and time, newest first', async () => {
    const other = await createKiosk(h, { name: 'Other' });
    const ada = punch();
    const bob = punch({ employee: { externalId: 'B-1002' }, at: at(120) });
    const stranger = punch({ employee: { externalId: 'B-9999' }, at: at(240) });
    await postPunches(h, kiosk.token, [ada, stranger]);
    await postPunches(h, other.token, [bob]);
    const ids = async (query: string) => (await list(query)).json<Page>().punches.map((p) => p.id);
    expect(await ids('')).toEqual([bob.id, stranger.id, ada.id]);
    expect(await ids('?status=rejected')).toEqual([stranger.id]);
    expect(await ids('?status=queued,rejected')).toHaveLength(3);
    expect(await ids(`?kioskId=${other.id}`)).toEqual([bob.id]);
    expect(await ids('?employee=B-1002')).toEqual([bob.id]);
    expect(await ids(`?from=${encodeURIComponent(at(60))}&to=${encodeURIComponent(at(180))}`)).toEqual([
      bob.id,
    ]);
  });

  it('finds punches by name, email, badge or Kenjo id, whichever identifier was punched', async () => {
    const byBadge = punch({ employee: { externalId: 'B-1002' } });
    const byEmail = punch({ employee: { email: 'bob@demo.example' }, at: at(120) });
    const ada = punch({ at: at(240) });
    await postPunches(h, kiosk.token, [byBadge, byEmail, ada]);
    const ids = async (search: string) =>
      (await list(`?employee=${encodeURIComponent(search)}`)).json<Page>().punches.map((p) => p.id);
    const bobs = [byEmail.id, byBadge.id];
    expect(await ids('bob')).toEqual(bobs);
    expect(await ids('Bo')).toEqual(bobs);
    expect(await ids('BOB@demo.example')).toEqual(bobs);
    expect(await ids('B-1002')).toEqual(bobs);
    expect(await ids('u-bob')).toEqual(bobs);
    expect(await ids('nobody')).toEqual([]);
  });

  it('names the employee and says in or out as Kenjo pairs the punches', async () => {
    h.ledger.saveDirectory(h.directory.list, T0);
    const morning = punch({ at: at(-5 * 3600) });
    const noon = punch({ at: at(-3600) });
    const afternoon = punch({ at: at(-60) });
    const stranger = punch({ employee: { externalId: 'B-9999' }, at: at(0) });
    await postPunches(h, kiosk.token, [morning, noon, afternoon, stranger]);
    const rows = (await list('')).json<{
      punches: Array<{ id: string; employeeName: string | null; direction: string | null }>;
    }>().punches;
    expect(rows.map((p) => [p.id, p.employeeName, p.direction])).toEqual([
      [stranger.id, null, null],
      [afternoon.id, 'Ada', 'in'],
      [noon.id, 'Ada', 'out'],
      [morning.id, 'Ada', 'in'],
    ]);
  });

  it('pages with a cursor', async () => {
    const punches = [0, 100, 200, 300, 400].map((s) => punch({ at: at(s) }));
    await postPunches(h, kiosk.token, punches);
    const seen: string[] = [];
    let cursor: number | null = null;
    for (let page = 0; page < 5; page += 1) {
      const body: Page = (await list(`?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`)).json<Page>();
      seen.push(...body.punches.map((p) => p.id));
      if (body.nextCursor === null) break;
      cursor = body.nextCursor;
    }
    expect(seen).toEqual(punches.map((p) => p.id).reverse());
  });

  it.each([
    ['?status=lost'],
    ['?limit=0'],
    ['?limit=501'],
    ['?from=yesterday'],
    ['?cursor=abc'],
    ['?colour=red'],
  ])('refuses the query %s with 400', async (query) => {
    expect(errorOf(await list(query))).toEqual({ status: 400, code: 'invalid-query' });
  });

  it('needs the admin token', async () => {
    expect(errorOf(await list('', bearer(kiosk.token)))).toEqual({ status: 401, code: 'unauthorized' });
  });
});
