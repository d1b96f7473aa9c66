import { describe, expect, it } from 'vitest';
import type { EmployeeRef } from '../../core/punch';
import type { DirectoryEmployee } from '../ledger/ledger';
import { buildDirectoryIndex } from './directory-index';

function employee(overrides: Partial<DirectoryEmployee> = {}): DirectoryEmployee {
  return {
    userId: 'u-ana',
    email: 'Ana.Ruiz@Demo.example',
    externalId: 'B-1001',
    isActive: true,
    displayName: 'Ana Ruiz',
    ...overrides,
  };
}

const ana = employee();
const leaver = employee({
  userId: 'u-old',
  email: 'shared@demo.example',
  externalId: 'B-2000',
  isActive: false,
});
const successor = employee({ userId: 'u-new', email: 'shared@demo.example', externalId: 'B-2000' });
const noIds = employee({ userId: 'u-none', email: null, externalId: null });
const index = buildDirectoryIndex([ana, leaver, successor, noIds]);

describe('buildDirectoryIndex', () => {
  it.each<{ name: string; ref: EmployeeRef; expected: DirectoryEmployee | null }>([
    { name: 'user id', ref: { userId: 'u-ana' }, expected: ana },
    { name: 'user id, exactly', ref: { userId: 'U-ANA' }, expected: null },
    { name: 'email', ref: { email: 'ana.ruiz@demo.example' }, expected: ana },
    { name: 'email, trimmed and any case', ref: { email: '  ANA.RUIZ@demo.EXAMPLE ' }, expected: ana },
    { name: 'badge', ref: { externalId: 'B-1001' }, expected: ana },
    { name: 'badge, trimmed', ref: { externalId: ' B-1001\n' }, expected: ana },
    { name: 'badge, case kept', ref: { externalId: 'b-1001' }, expected: null },
    { name: 'unknown badge', ref: { externalId: 'B-9999' }, expected: null },
    { name: 'shared badge: the active holder', ref: { externalId: 'B-2000' }, expected: successor },
    { name: 'shared email: the active holder', ref: { email: 'shared@demo.example' }, expected: successor },
    { name: 'inactive by user id', ref: { userId: 'u-old' }, expected: leaver },
    { name: 'empty email never matches', ref: { email: '' }, expected: null },
  ])('finds by $name', ({ ref, expected }) => {
    expect(index.find(ref)).toEqual(expected);
  });

  it('finds by user id and keeps the list', () => {
    expect(index.byUserId('u-none')).toEqual(noIds);
    expect(index.byUserId('missing')).toBeNull();
    expect(index.employees).toEqual([ana, leaver, successor, noIds]);
  });
});
