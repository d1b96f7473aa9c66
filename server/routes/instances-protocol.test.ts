/**
 * The kiosk protocol's promises across two proxy processes on one PostgreSQL database, request by request on
 * either instance: a pairing code pairs once, a revoked kiosk is refused by the other instance at once, a batch
 * resent to the other instance is `duplicate`, a double scan whose two punches reached different instances is
 * judged once, and an operator's session started on one instance works on the other.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Punch } from '../../core/punch';
import { DEMO_EMPLOYEES, startSimulator, type RunningSimulator } from '../simulator';
import { startInstancePair, type InstancePair } from '../testing/instance-pair';
import { createTestDatabase, describePostgres, type TestDatabase } from '../testing/postgres-fixture';
import {
  backlogWaiting,
  createKiosk,
  json,
  postPunches,
  sendPunches,
  waitForDirectory,
  waitUntil,
} from '../testing/proxy-http';

const API_KEY = 'protocol-api-key';
const ADMIN_TOKEN = 'protocol-admin-token-0123456789abcdef';
const ZONE = 'Europe/Berlin';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

describePostgres('the kiosk protocol across two instances on one PostgreSQL', (serverUrl) => {
  let database: TestDatabase;
  let sim: RunningSimulator;
  let pair: InstancePair;
  let a: string;
  let b: string;
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl);
    sim = await startSimulator({ apiKey: API_KEY, seed: 5 });
    pair = await startInstancePair({
      KENJO_API_URL: sim.baseUrl,
      KENJO_API_KEY: API_KEY,
      ADMIN_TOKEN,
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
    });
    [a, b] = [pair.at(0).url, pair.at(1).url];
  }, 60_000);
  afterAll(async () => {
    await pair?.close();
    await sim?.close();
    await database?.drop();
  });

  it('pairs a code once, whichever instances the tablets ask at the same moment', async () => {
    const kiosk = await createKiosk(a, ADMIN_TOKEN, 'Front door', ZONE);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        fetch(`${i % 2 === 0 ? a : b}/api/v1/kiosk/pair`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ pairingCode: kiosk.pairingCode }),
        }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400, 400]);
  });

  it('refuses a revoked kiosk on the other instance at once, and answers a resend there `duplicate`', async () => {
    const kiosk = await createKiosk(a, ADMIN_TOKEN, 'Yard gate', ZONE);
    const punches: Punch[] = [0, 1].map((i) => ({
      id: randomUUID(),
      employee: { externalId: `B-10${10 + i}` },
      at: new Date(Date.now() - 60_000).toISOString(),
    }));
    expect(await postPunches(a, kiosk.token, punches)).toEqual(['accepted', 'accepted']);
    expect(await postPunches(b, kiosk.token, punches)).toEqual(['duplicate', 'duplicate']);

    await json(
      await fetch(`${a}/api/v1/admin/kiosks/${kiosk.id}/revoke`, { method: 'POST', headers: admin }),
    );
    expect((await sendPunches(b, kiosk.token, punches)).status).toBe(401);
  });

  it('judges a double scan once when its two punches reach different instances together', async () => {
    const [front, yard] = [
      await createKiosk(a, ADMIN_TOKEN, 'Double front', ZONE),
      await createKiosk(a, ADMIN_TOKEN, 'Double yard', ZONE),
    ];
    await waitForDirectory(a, front.token, 90_000);
    await waitForDirectory(b, front.token, 90_000);
    const employees = DEMO_EMPLOYEES.filter((e) => e.isActive && e.externalId !== null).slice(40, 60);
    const atMs = Date.now() - 10 * 60_000;
    const scans = employees.map((employee, i) => {
      const scan = (offsetS: number): Punch => ({
        id: randomUUID(),
        employee: { externalId: employee.externalId ?? '' },
        at: new Date(atMs + offsetS * 1000).toISOString(),
      });
      // Which instance gets the earlier scan alternates; both are sent at the same moment.
      return { userId: employee._id, first: scan(0), second: scan(10), firstToA: i % 2 === 0 };
    });
    await Promise.all(
      scans.flatMap(({ first, second, firstToA }) => [
        postPunches(firstToA ? a : b, front.token, [first]),
        postPunches(firstToA ? b : a, yard.token, [second]),
      ]),
    );
    await waitUntil('the scans were not replayed', async () => (await backlogWaiting(a)) === 0, 30_000);

    const statusOf = async (token: string, punch: Punch) =>
      (
        (await json(
          await fetch(`${a}/api/v1/punches/${punch.id}`, { headers: { authorization: `Bearer ${token}` } }),
        )) as {
          status: string;
        }
      ).status;
    const applied = sim.simulator.log();
    for (const { userId, first, second } of scans) {
      const judged = [await statusOf(front.token, first), await statusOf(yard.token, second)];
      expect(judged.sort()).toEqual(['ignored', 'sent']);
      expect(applied.filter((entry) => entry.employeeId === userId)).toHaveLength(1);
    }
  }, 180_000);

  it('keeps an operator signed in on the other instance, and signs them out there too', async () => {
    const signIn = await fetch(`${a}/api/v1/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: ADMIN_TOKEN }),
    });
    const { csrfToken } = (await json(signIn)) as { csrfToken: string };
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const session = async (url: string) =>
      (await json(await fetch(`${url}/api/v1/admin/session`, { headers: { cookie } }))) as {
        signedIn: boolean;
      };
    expect(await session(b)).toEqual({ signedIn: true, csrfToken });
    const kiosks = await fetch(`${b}/api/v1/admin/kiosks`, { headers: { cookie } });
    expect(kiosks.status).toBe(200);

    expect((await fetch(`${b}/api/v1/admin/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(
      204,
    );
    expect(await session(a)).toEqual({ signedIn: false, csrfToken: null });
  });
});
