import { describe, expect, it } from 'vitest';
import { DEMO_EMPLOYEES, INACTIVE_DEMO_BADGE } from './employees';
import { harness } from '../testing/simulator-support';

describe('the demo company', () => {
  it('has 300 people with unique 24-hex ids, badges B-1001… and first.last emails', () => {
    expect(DEMO_EMPLOYEES).toHaveLength(300);
    for (const key of ['_id', 'email', 'externalId'] as const) {
      expect(new Set(DEMO_EMPLOYEES.map((e) => e[key])).size).toBe(300);
    }
    expect(DEMO_EMPLOYEES.every((e) => /^[0-9a-f]{24}$/.test(e._id))).toBe(true);
    expect(DEMO_EMPLOYEES.map((e) => e.externalId).slice(0, 2)).toEqual(['B-1001', 'B-1002']);
    expect(DEMO_EMPLOYEES.at(-1)?.externalId).toBe('B-1300');
    for (const e of DEMO_EMPLOYEES) {
      expect(e.email).toBe(`${e.firstName.toLowerCase()}.${e.lastName.toLowerCase()}@demo.example`);
      expect(e.displayName).toBe(`${e.firstName} ${e.lastName}`);
    }
  });

  it('has exactly one inactive employee', () => {
    expect(DEMO_EMPLOYEES.filter((e) => !e.isActive).map((e) => e.externalId)).toEqual([INACTIVE_DEMO_BADGE]);
  });
});

describe('employee listings', () => {
  it.each([
    { url: '/api/v1/employees', keys: ['_id', 'email', 'externalId', 'isActive', 'language'] },
    { url: '/api/v1/employees/personals', keys: ['_id', 'firstName', 'lastName', 'displayName'] },
  ])('$url answers {data: [...]} with exactly $keys', async ({ url, keys }) => {
    const h = await harness();
    const res = await h.app.inject({ method: 'GET', url, headers: { authorization: h.token } });
    const { data } = res.json<{ data: Record<string, unknown>[] }>();
    expect(data).toHaveLength(300);
    expect(Object.keys(data[0] ?? {}).sort()).toEqual([...keys].sort());
    expect(data[0]?._id).toBe(DEMO_EMPLOYEES[0]?._id);
  });

  it('serves the employees it was given', async () => {
    const only = { ...DEMO_EMPLOYEES[5], _id: 'a'.repeat(24) } as (typeof DEMO_EMPLOYEES)[number];
    const h = await harness({ employees: [only] });
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/employees',
      headers: { authorization: h.token },
    });
    expect(res.json<{ data: { _id: string }[] }>().data.map((e) => e._id)).toEqual(['a'.repeat(24)]);
  });
});
