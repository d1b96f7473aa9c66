import { describe, expect, it } from 'vitest';
import { isAffectedBy } from './local-state';

const NEW_PUNCH = { answered: false, refused: false };
const ANSWERED = { answered: true, refused: false };
const REFUSED = { answered: true, refused: true };

describe('device-local reads refreshed after an outbox change', () => {
  it.each([
    ['pending', NEW_PUNCH, true],
    ['punch', NEW_PUNCH, false],
    ['refused', NEW_PUNCH, false],
    ['pending', ANSWERED, true],
    ['punch', ANSWERED, true],
    ['refused', ANSWERED, false],
    ['punch', REFUSED, true],
    ['refused', REFUSED, true],
  ])('the %s read after %o: %s', (kind, change, affected) => {
    expect(isAffectedBy(kind, change)).toBe(affected);
  });
});
