import { describe, expect, it } from 'vitest';
import { MAX_BATCH_SIZE } from './punch';
import { validateBatch, validatePunch } from './validate-punch';

const ID = '0193f1c2-7c4e-7b1a-9f3e-2d1c0b9a8f7e';

const rawPunch = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: ID,
  employee: { externalId: 'B-1042' },
  at: '2026-02-04T06:00:00+01:00',
  ...overrides,
});

const withoutField = (field: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(rawPunch()).filter(([key]) => key !== field));

const rawBatch = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  sentAt: '2026-02-04T06:00:05.120+01:00',
  punches: [rawPunch()],
  ...overrides,
});

describe('validatePunch accepts', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a badge punch', rawPunch()],
    ['an email punch', rawPunch({ employee: { email: 'ana.lopez@demo.example' } })],
    ['a user id punch', rawPunch({ employee: { userId: '64b1f0c2e4a1b2c3d4e5f601' } })],
    ['an upper-case UUID, kept as sent', rawPunch({ id: ID.toUpperCase() })],
    ['a v4 UUID', rawPunch({ id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' })],
    ['a UTC instant with a fraction', rawPunch({ at: '2026-02-04T05:00:00.123456Z' })],
    ['an identifier of 254 characters', rawPunch({ employee: { externalId: 'x'.repeat(254) } })],
  ])('%s', (_name, input) => {
    expect(validatePunch(input)).toEqual({ ok: true, punch: input });
  });

  it('returns a fresh punch, not the object it was given', () => {
    const input = rawPunch();
    const result = validatePunch(input);
    expect(result.ok && result.punch).not.toBe(input);
    expect(result.ok && result.punch.employee).not.toBe(input.employee);
  });
});

describe('validatePunch rejects', () => {
  it.each<[string, unknown, string, string]>([
    ['null', null, 'not-an-object', 'The punch must be a JSON object.'],
    ['an array', [rawPunch()], 'not-an-object', 'The punch must be a JSON object.'],
    ['a string', 'punch', 'not-an-object', 'The punch must be a JSON object.'],
    ['a number', 42, 'not-an-object', 'The punch must be a JSON object.'],
    ['undefined', undefined, 'not-an-object', 'The punch must be a JSON object.'],
    ['a Date', new Date(), 'not-an-object', 'The punch must be a JSON object.'],
    [
      'an unknown field',
      rawPunch({ kioskId: 'k1' }),
      'unknown-field',
      'The punch has an unknown field "kioskId"; a punch has only id, employee and at.',
    ],
    [
      'a __proto__ field from JSON',
      JSON.parse(`{"id":"${ID}","__proto__":{}}`),
      'unknown-field',
      'The punch has an unknown field "__proto__"; a punch has only id, employee and at.',
    ],
    [
      'a very long unknown field name, shortened',
      rawPunch({ ['k'.repeat(100)]: 1 }),
      'unknown-field',
      `The punch has an unknown field "${'k'.repeat(40)}…"; a punch has only id, employee and at.`,
    ],
    ['no id', withoutField('id'), 'bad-id', 'The punch has no id.'],
    ['a numeric id', rawPunch({ id: 12 }), 'bad-id', 'The punch id must be a UUID.'],
    ['a non-UUID id', rawPunch({ id: 'punch-1' }), 'bad-id', 'The punch id must be a UUID.'],
    ['a UUID in braces', rawPunch({ id: `{${ID}}` }), 'bad-id', 'The punch id must be a UUID.'],
    [
      'no employee',
      withoutField('employee'),
      'bad-employee',
      'The employee must be an object with externalId, email or userId.',
    ],
    [
      'a string employee',
      rawPunch({ employee: 'B-1042' }),
      'bad-employee',
      'The employee must be an object with externalId, email or userId.',
    ],
    [
      'an empty employee',
      rawPunch({ employee: {} }),
      'bad-employee',
      'The employee must have exactly one of externalId, email or userId.',
    ],
    [
      'two identifiers',
      rawPunch({ employee: { externalId: 'B-1042', email: 'a@b.c' } }),
      'bad-employee',
      'The employee must have exactly one of externalId, email or userId.',
    ],
    [
      'an unknown employee field',
      rawPunch({ employee: { badge: 'B-1042' } }),
      'bad-employee',
      'The employee has an unknown field "badge"; use externalId, email or userId.',
    ],
    [
      'a numeric badge',
      rawPunch({ employee: { externalId: 1042 } }),
      'bad-employee',
      "The employee's externalId must be a string.",
    ],
    [
      'a null email',
      rawPunch({ employee: { email: null } }),
      'bad-employee',
      "The employee's email must be a string.",
    ],
    [
      'an empty badge',
      rawPunch({ employee: { externalId: '' } }),
      'bad-employee',
      "The employee's externalId is empty.",
    ],
    [
      'a blank user id',
      rawPunch({ employee: { userId: '  ' } }),
      'bad-employee',
      "The employee's userId is empty.",
    ],
    [
      'a badge of 255 characters',
      rawPunch({ employee: { externalId: 'x'.repeat(255) } }),
      'bad-employee',
      "The employee's externalId is longer than 254 characters.",
    ],
    [
      'a badge with a trailing newline',
      rawPunch({ employee: { externalId: 'B-1042\n' } }),
      'bad-employee',
      "The employee's externalId has leading or trailing spaces.",
    ],
    [
      'a badge with a control character',
      rawPunch({ employee: { externalId: 'B-10\u000742' } }),
      'bad-employee',
      "The employee's externalId contains control characters.",
    ],
    [
      'an email without a domain dot',
      rawPunch({ employee: { email: 'ana@demo' } }),
      'bad-employee',
      "The employee's email is not an email address.",
    ],
    [
      'an email with a space',
      rawPunch({ employee: { email: 'ana lopez@demo.example' } }),
      'bad-employee',
      "The employee's email is not an email address.",
    ],
    ['no at', withoutField('at'), 'bad-at', 'The punch has no time (at).'],
    [
      'a numeric at',
      rawPunch({ at: 1770181200000 }),
      'bad-at',
      'The punch time (at) must be an RFC 3339 instant with offset, like 2026-02-04T06:00:00+01:00.',
    ],
    [
      'an at without offset',
      rawPunch({ at: '2026-02-04T06:00:00' }),
      'bad-at',
      'The punch time (at) must be an RFC 3339 instant with offset, like 2026-02-04T06:00:00+01:00.',
    ],
    [
      'an impossible date',
      rawPunch({ at: '2026-02-30T06:00:00Z' }),
      'bad-at',
      'The punch time (at) must be an RFC 3339 instant with offset, like 2026-02-04T06:00:00+01:00.',
    ],
  ])('%s', (_name, input, reason, message) => {
    expect(validatePunch(input)).toEqual({ ok: false, reason, message });
  });
});

describe('validatePunch reports the first failure in order: shape, unknown field, id, employee, at', () => {
  it.each<[string, unknown, string]>([
    ['unknown field before a bad id', rawPunch({ extra: 1, id: 'nope' }), 'unknown-field'],
    ['unknown field before everything else', { extra: 1, id: 1, employee: 1, at: 1 }, 'unknown-field'],
    ['bad id before a bad employee', rawPunch({ id: 'nope', employee: {} }), 'bad-id'],
    ['bad id before a bad at', rawPunch({ id: 'nope', at: 'nope' }), 'bad-id'],
    ['bad employee before a bad at', rawPunch({ employee: {}, at: 'nope' }), 'bad-employee'],
    ['missing everything: the id first', {}, 'bad-id'],
  ])('%s', (_name, input, reason) => {
    expect(validatePunch(input)).toMatchObject({ ok: false, reason });
  });
});

describe('validateBatch', () => {
  it('accepts an envelope and hands the punches over unchecked', () => {
    const punches = [rawPunch(), 'not even a punch'];
    expect(validateBatch(rawBatch({ punches }))).toEqual({
      ok: true,
      sentAt: '2026-02-04T06:00:05.120+01:00',
      sentAtMs: Date.parse('2026-02-04T05:00:05.120Z'),
      punches,
    });
  });

  it.each([
    ['an empty batch', []],
    ['exactly the maximum', Array.from({ length: MAX_BATCH_SIZE }, () => rawPunch())],
  ])('accepts %s', (_name, punches) => {
    expect(validateBatch(rawBatch({ punches })).ok).toBe(true);
  });

  it.each<[string, unknown, string, string]>([
    ['null', null, 'bad-envelope', 'The batch must be a JSON object with sentAt and punches.'],
    [
      'a bare array of punches',
      [rawPunch()],
      'bad-envelope',
      'The batch must be a JSON object with sentAt and punches.',
    ],
    [
      'an unknown field',
      rawBatch({ kioskId: 'k1' }),
      'bad-envelope',
      'The batch has an unknown field "kioskId"; a batch has only sentAt and punches.',
    ],
    [
      'no sentAt',
      { punches: [] },
      'bad-envelope',
      'The batch needs sentAt, an RFC 3339 instant with offset.',
    ],
    [
      'a numeric sentAt',
      rawBatch({ sentAt: 1770181205120 }),
      'bad-envelope',
      'The batch needs sentAt, an RFC 3339 instant with offset.',
    ],
    [
      'a sentAt without offset',
      rawBatch({ sentAt: '2026-02-04T06:00:05' }),
      'bad-envelope',
      'The batch needs sentAt, an RFC 3339 instant with offset.',
    ],
    ['no punches', { sentAt: '2026-02-04T06:00:05Z' }, 'bad-envelope', 'The batch needs punches, an array.'],
    [
      'punches as an object',
      rawBatch({ punches: { 0: rawPunch() } }),
      'bad-envelope',
      'The batch needs punches, an array.',
    ],
    [
      'one punch too many',
      rawBatch({ punches: Array.from({ length: MAX_BATCH_SIZE + 1 }, () => rawPunch()) }),
      'batch-too-large',
      'The batch has 1001 punches; at most 1000 are allowed.',
    ],
  ])('rejects %s', (_name, input, reason, message) => {
    expect(validateBatch(input)).toEqual({ ok: false, reason, message });
  });

  it.each<[string, unknown, string]>([
    ['unknown field before a bad sentAt', { sentAt: 'x', punches: [], extra: 1 }, 'bad-envelope'],
    [
      'a bad sentAt before too many punches',
      rawBatch({ sentAt: 'x', punches: new Array(MAX_BATCH_SIZE + 1) }),
      'bad-envelope',
    ],
  ])('checks in order: %s', (_name, input, reason) => {
    expect(validateBatch(input)).toMatchObject({ ok: false, reason });
  });
});
