/**
 * Every request the client makes, checked against Kenjo's published OpenAPI document with a well-kept validator.
 * The 2024 document's track-time body has no `isOvernightShift` (the current reference page adds it, and the copy
 * beside this repository carries it): a punch without the flag is checked against the body as published in 2024,
 * with no field beyond it allowed, and a punch with the flag against the current page's body.
 */
import type { OpenAPIV3 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { createKenjoClient } from './client';
import { loadSpec, operationValidator, recordingKenjo, type RecordedRequest } from '../testing/kenjo-openapi';
import { API_KEY, punch, setup } from '../testing/simulator-fixture';

const spec = loadSpec();
const withoutOvernight = (schema: OpenAPIV3.SchemaObject): OpenAPIV3.SchemaObject => {
  const { isOvernightShift: _dropped, ...published2024 } = schema.properties ?? {};
  return { ...schema, properties: published2024 };
};

const VALIDATORS = {
  'POST /auth/login': operationValidator(spec, '/auth/login', 'post'),
  'POST /auth/logout': operationValidator(spec, '/auth/logout', 'post'),
  'GET /employees': operationValidator(spec, '/employees', 'get'),
  'GET /employees/personals': operationValidator(spec, '/employees/personals', 'get'),
  'GET /attendances': operationValidator(spec, '/attendances', 'get'),
  'POST /attendances/track-time': operationValidator(
    spec,
    '/attendances/track-time',
    'post',
    withoutOvernight,
  ),
  'POST /attendances/track-time (overnight)': operationValidator(spec, '/attendances/track-time', 'post'),
};

function validatorFor(request: RecordedRequest) {
  const overnight = (request.body as { isOvernightShift?: unknown } | undefined)?.isOvernightShift === true;
  const key = `${request.method} ${request.path}${overnight ? ' (overnight)' : ''}`;
  const validator = VALIDATORS[key as keyof typeof VALIDATORS];
  if (validator === undefined) throw new Error(`no published operation for ${key}`);
  return validator;
}

describe("the client's requests against Kenjo's published OpenAPI document", () => {
  it('login, employees, names, track-time with and without overnight, attendances and logout all validate', async () => {
    const recorded: RecordedRequest[] = [];
    const { running } = await setup();
    const recorder = await recordingKenjo(running.baseUrl, recorded);
    const client = createKenjoClient({ baseUrl: recorder.baseUrl, apiKey: API_KEY });
    await client.listEmployees();
    expect(await client.trackTime(punch('2026-02-03T22:00:00'))).toEqual({ kind: 'applied' });
    const overnight = punch('2026-02-04T06:00:00', { isOvernightShift: true });
    expect(await client.trackTime(overnight)).toEqual({ kind: 'applied' });
    await client.listAttendances('2026-02-03', '2026-02-04');
    await client.close();
    await recorder.close();

    const calls = recorded.map((r) => `${r.method} ${r.path}`);
    expect(new Set(calls)).toEqual(
      new Set([
        'POST /auth/login',
        'GET /employees',
        'GET /employees/personals',
        'POST /attendances/track-time',
        'GET /attendances',
        'POST /auth/logout',
      ]),
    );
    const trackTimeBodies = recorded.filter((r) => r.path === '/attendances/track-time').map((r) => r.body);
    expect(trackTimeBodies).toEqual([
      { externalId: 'B-1001', dateTime: '2026-02-03T22:00:00' },
      { externalId: 'B-1001', dateTime: '2026-02-04T06:00:00', isOvernightShift: true },
    ]);
    for (const request of recorded) {
      const errors: unknown = validatorFor(request).validateRequest({
        headers: request.headers,
        body: request.body,
        query: request.query,
        params: {},
      });
      expect([`${request.method} ${request.path}`, errors]).toEqual([
        `${request.method} ${request.path}`,
        undefined,
      ]);
    }
  });

  it('the validator does refuse what the document does not allow', () => {
    const trackTime = VALIDATORS['POST /attendances/track-time'];
    const headers = { authorization: 'Bearer x', 'content-type': 'application/json' };
    const ok = { externalId: 'B-1', dateTime: '2026-02-04T08:00:00' };
    expect(trackTime.validateRequest({ headers, body: ok, query: {}, params: {} })).toBeUndefined();
    for (const body of [{ ...ok, isOvernightShift: false }, { externalId: 'B-1' }, { ...ok, dateTime: 8 }]) {
      expect(trackTime.validateRequest({ headers, body, query: {}, params: {} })).toBeDefined();
    }
    const list = VALIDATORS['GET /attendances'];
    expect(list.validateRequest({ headers, query: { from: '2026-02-01' }, params: {} })).toBeDefined();
    expect(list.validateRequest({ headers: {}, query: { from: 'a', to: 'b' }, params: {} })).toBeDefined();
  });
});
