import { describe, expect, it } from 'vitest';
import { identifierProblem, isEmailShaped, isUuid } from './identifiers';

describe('isUuid', () => {
  it.each([
    ['0193f1c2-7c4e-7b1a-9f3e-2d1c0b9a8f7e', true], // v7
    ['0193F1C2-7C4E-7B1A-9F3E-2D1C0B9A8F7E', true], // upper case
    ['6ba7b810-9dad-11d1-80b4-00c04fd430c8', true], // v1
    ['f47ac10b-58cc-4372-a567-0e02b2c3d479', true], // v4
    ['1ec9414c-232a-6b00-b3c8-9e6bdeced846', true], // v6
    ['320c3d4d-cc00-875b-8ec9-32d5f69181c0', true], // v8
    ['00000000-0000-0000-0000-000000000000', true], // nil
    ['FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', true], // max
    ['f47ac10b-58cc-0372-a567-0e02b2c3d479', false], // version 0
    ['f47ac10b-58cc-9372-a567-0e02b2c3d479', false], // version 9
    ['f47ac10b-58cc-4372-c567-0e02b2c3d479', false], // variant 11x
    ['f47ac10b58cc4372a5670e02b2c3d479', false], // no hyphens
    ['{f47ac10b-58cc-4372-a567-0e02b2c3d479}', false], // braces
    ['f47ac10b-58cc-4372-a567-0e02b2c3d47', false], // short
    ['g47ac10b-58cc-4372-a567-0e02b2c3d479', false], // not hex
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});

describe('isEmailShaped', () => {
  it.each([
    ['a@b.c', true],
    ['first.last+tag@demo.example', true],
    ['Ana.Lopez@Sub.Demo.Example', true],
    ['a@b', false],
    ['@b.c', false],
    ['a@', false],
    ['a@@b.c', false],
    ['a@b@c.d', false],
    ['a b@c.d', false],
    ['a@b .c', false],
    ['a@.b.c', false],
    ['a@b.c.', false],
    ['a@b..c', false],
    ['plainaddress', false],
  ])('%j → %s', (value, expected) => {
    expect(isEmailShaped(value)).toBe(expected);
  });
});

describe('identifierProblem', () => {
  it.each([
    ['B-1042', null],
    ['x'.repeat(254), null],
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['x'.repeat(255), 'is longer than 254 characters'],
    [' B-1042', 'has leading or trailing spaces'],
    ['B-1042\n', 'has leading or trailing spaces'],
    ['B-10\u000042', 'contains control characters'],
  ])('%j → %j', (value, expected) => {
    expect(identifierProblem(value)).toBe(expected);
  });
});
