import { describe, expect, it } from 'vitest';
import { buildSimulatorApp } from './app';
import { KenjoSimulator, type SimulatorOptions } from './simulator';

const T0 = Date.parse('2026-02-03T08:00:00Z');

async function setup(options: SimulatorOptions = {}) {
  let now = T0;
  const sim = new KenjoSimulator({ clock: () => now, ...options });
  const app = await buildSimulatorApp(sim);
  const login = (apiKey: unknown = 'demo-api-key') =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { apiKey } });
  const employees = (authorization?: string) =>
    app.inject({
      method: 'GET',
      url: '/api/v1/employees',
      headers: authorization === undefined ? {} : { authorization },
    });
  const token = async () => (await login()).json<{ token: string }>().token;
  return { sim, app, login, employees, token, advance: (s: number) => (now += s * 1000) };
}

describe('login', () => {
  it('answers a "Bearer " token and its expiry, 48 h by default', async () => {
    const { login, sim } = await setup();
    const res = await login();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      token: expect.stringMatching(/^Bearer [0-9a-f]{48}$/),
      'X-Expires-After': '2026-02-05T08:00:00.000Z',
    });
    expect(sim.counters().logins).toBe(1);
  });

  it.each([
    { name: 'a wrong key', payload: { apiKey: 'nope' } },
    { name: 'no key', payload: {} },
    { name: 'a key that is not a string', payload: { apiKey: 42 } },
  ])('refuses $name with 401 {code,message}', async ({ payload }) => {
    const { app, sim } = await setup();
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 401, message: expect.any(String) });
    expect(sim.counters().logins).toBe(0);
  });

  it('uses the configured API key', async () => {
    const { login } = await setup({ apiKey: 'k-123' });
    expect((await login('demo-api-key')).statusCode).toBe(401);
    expect((await login('k-123')).statusCode).toBe(200);
  });
});

describe('the Authorization header', () => {
  it.each([
    { name: 'the token verbatim', header: (t: string) => t, status: 200 },
    {
      name: 'Bearer built by hand',
      header: (t: string) => `Bearer ${t.slice('Bearer '.length)}`,
      status: 200,
    },
    { name: 'the bare opaque part', header: (t: string) => t.slice('Bearer '.length), status: 401 },
    {
      name: 'a lower-case scheme',
      header: (t: string) => `bearer ${t.slice('Bearer '.length)}`,
      status: 401,
    },
    { name: 'an unknown token', header: () => 'Bearer 0123456789abcdef', status: 401 },
    { name: 'a doubled scheme', header: (t: string) => `Bearer ${t}`, status: 401 },
  ])('$name → $status', async ({ header, status }) => {
    const { employees, token } = await setup();
    const res = await employees(header(await token()));
    expect(res.statusCode).toBe(status);
    if (status === 401) expect(res.json()).toEqual({ code: 401, message: expect.any(String) });
  });

  it('is required on every call but login', async () => {
    const { employees } = await setup();
    expect((await employees()).statusCode).toBe(401);
  });
});

describe('expiry and logout', () => {
  it.each([
    { name: 'just before expiry', lifetimeS: 60, afterS: 59, status: 200 },
    { name: 'at expiry', lifetimeS: 60, afterS: 60, status: 401 },
    { name: 'the default 48 h, a minute before', lifetimeS: undefined, afterS: 172_740, status: 200 },
    { name: 'the default 48 h, reached', lifetimeS: undefined, afterS: 172_800, status: 401 },
  ])('$name → $status', async ({ lifetimeS, afterS, status }) => {
    const { employees, token, advance } = await setup(
      lifetimeS === undefined ? {} : { tokenLifetimeS: lifetimeS },
    );
    const t = await token();
    advance(afterS);
    expect((await employees(t)).statusCode).toBe(status);
  });

  it('applies a lifetime changed at run time to tokens issued afterwards', async () => {
    const { sim, employees, token, advance } = await setup();
    const before = await token();
    sim.setFaults({ tokenLifetimeS: 5 });
    const after = await token();
    advance(5);
    expect((await employees(before)).statusCode).toBe(200);
    expect((await employees(after)).statusCode).toBe(401);
  });

  it('logout answers 204 and the token stops working; a second logout is 401', async () => {
    const { app, employees, token } = await setup();
    const t = await token();
    const logout = () =>
      app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: t } });
    expect((await logout()).statusCode).toBe(204);
    expect((await employees(t)).statusCode).toBe(401);
    expect((await logout()).statusCode).toBe(401);
  });

  it('reset forgets every token', async () => {
    const { sim, employees, token } = await setup();
    const t = await token();
    sim.reset();
    expect((await employees(t)).statusCode).toBe(401);
  });
});
