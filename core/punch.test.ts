import { describe, expect, it } from 'vitest';
import { describeEmployee, employeeIdentifier, type EmployeeRef } from './punch';

describe('describeEmployee', () => {
  it.each<[EmployeeRef, string, string]>([
    [{ externalId: 'B-1042' }, 'badge B-1042', 'externalId'],
    [{ email: 'a@b.c' }, 'email a@b.c', 'email'],
    [{ userId: '64b1f0c2e4a1' }, 'user 64b1f0c2e4a1', 'userId'],
  ])('%j → %s', (ref, label, field) => {
    expect(describeEmployee(ref)).toBe(label);
    expect(employeeIdentifier(ref).field).toBe(field);
  });
});
