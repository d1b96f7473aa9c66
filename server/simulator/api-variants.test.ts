import { describe, expect, it } from 'vitest';
import { harness } from '../testing/simulator-support';
import { DEMO_EMPLOYEE_COUNT } from './employees';
import { EMPLOYEES_WITHOUT_IDENTIFIERS, MALFORMED_EMPLOYEE_RECORDS } from './employee-variants';

type Row = Record<string, unknown>;

async function list(h: Awaited<ReturnType<typeof harness>>, url: string) {
  const res = await h.app.inject({ method: 'GET', url, headers: { authorization: h.token } });
  return {
    status: res.statusCode,
    type: res.headers['content-type'],
    body: res.json<{ data: Row[]; metadata?: Row }>(),
  };
}

/** A track-time call whose answer may not be JSON. */
function rawTrackTime(h: Awaited<ReturnType<typeof harness>>) {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/attendances/track-time',
    headers: { authorization: h.token },
    payload: { externalId: 'B-1001', dateTime: '2026-02-03T08:00:00' },
  });
}

describe('the employee list variants', () => {
  it('answers the published shape by default: a bare {data} with boolean isActive', async () => {
    const h = await harness();
    const { body } = await list(h, '/api/v1/employees');
    expect(Object.keys(body)).toEqual(['data']);
    expect(body.data).toHaveLength(DEMO_EMPLOYEE_COUNT);
    expect(body.data[0]).toEqual({
      _id: expect.any(String),
      email: expect.any(String),
      externalId: 'B-1001',
      isActive: true,
      language: 'en',
    });
  });

  it('types isActive as a string', async () => {
    const h = await harness({ faults: { isActiveAsString: true } });
    const { body } = await list(h, '/api/v1/employees');
    expect(new Set(body.data.map((e) => e['isActive']))).toEqual(new Set(['true', 'false']));
  });

  it('drops email or externalId of a few employees, as missing fields and as null', async () => {
    const h = await harness();
    h.sim.setFaults({ employeesWithoutIdentifiers: true });
    const tail = (await list(h, '/api/v1/employees')).body.data.slice(-EMPLOYEES_WITHOUT_IDENTIFIERS);
    expect(
      tail.map((e) => [
        'email' in e ? e['email'] : 'missing',
        'externalId' in e ? e['externalId'] : 'missing',
      ]),
    ).toEqual([
      ['missing', expect.any(String)],
      [null, expect.any(String)],
      [expect.any(String), 'missing'],
      [expect.any(String), null],
      ['missing', null],
    ]);
  });

  it('adds unusable records', async () => {
    const h = await harness({ faults: { malformedEmployees: true } });
    const { body } = await list(h, '/api/v1/employees');
    expect(body.data).toHaveLength(DEMO_EMPLOYEE_COUNT + MALFORMED_EMPLOYEE_RECORDS);
    expect(body.data.slice(-2).every((e) => typeof e['_id'] !== 'string')).toBe(true);
  });

  it('pages both lists by page number, every employee once', async () => {
    const h = await harness({ faults: { employeePageSize: 25 } });
    for (const path of ['/api/v1/employees', '/api/v1/employees/personals']) {
      const first = await list(h, path);
      expect(first.body.metadata).toEqual({ count: 25, offset: 1, limit: 25, total: DEMO_EMPLOYEE_COUNT });
      const ids: unknown[] = [];
      for (let page = 1; page <= Math.ceil(DEMO_EMPLOYEE_COUNT / 100); page += 1) {
        ids.push(...(await list(h, `${path}?offset=${page}&limit=100`)).body.data.map((e) => e['_id']));
      }
      expect(new Set(ids).size).toBe(DEMO_EMPLOYEE_COUNT);
    }
  });
});

describe('answers instead of Kenjo', () => {
  it.each([403, 404] as const)(
    'refuses every call with %i, login included, and stores nothing',
    async (status) => {
      const h = await harness();
      h.sim.setFaults({ refuseAllWith: status });
      const login = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { apiKey: 'demo-api-key' },
      });
      expect(login.statusCode).toBe(status);
      const res = await rawTrackTime(h);
      expect(res.statusCode).toBe(status);
      expect(h.sim.log()).toEqual([]);
    },
  );

  it('can let the login through and refuse the rest', async () => {
    const h = await harness({ faults: { refuseAllWith: 403, refuseLogin: false } });
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { apiKey: 'demo-api-key' },
    });
    expect(login.statusCode).toBe(200);
    expect((await list(h, '/api/v1/employees')).status).toBe(403);
  });

  it('answers a captive portal page with 200 on track-time and stores nothing', async () => {
    const h = await harness({ faults: { captivePortalRate: 1 } });
    const res = await rawTrackTime(h);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(h.sim.log()).toEqual([]);
  });

  it('turns injected 5xx into a gateway HTML 502, before and after storing', async () => {
    const h = await harness({ faults: { htmlGatewayErrors: true } });
    h.sim.setFaults({ serverErrorRate: 1 });
    const before = await list(h, '/api/v1/employees').catch(() => null);
    expect(before).toBeNull(); // not JSON
    h.sim.setFaults({ serverErrorRate: 0, commitThenFailRate: 1, commitThenFailModes: ['5xx'] });
    const res = await rawTrackTime(h);
    expect(res.statusCode).toBe(502);
    expect(res.body).toContain('<h1>502 Bad Gateway</h1>');
    expect(h.sim.log()).toHaveLength(1);
  });

  it('answers a wrong key with 400 when told to', async () => {
    const h = await harness({ faults: { wrongKeyStatus: 400 } });
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { apiKey: 'wrong' },
    });
    expect(login.statusCode).toBe(400);
  });

  it('takes a logout with a JSON content type and an empty body', async () => {
    const h = await harness();
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { authorization: h.token, 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(204);
    expect((await list(h, '/api/v1/employees').catch(() => ({ status: 401 }))).status).toBe(401);
  });
});
