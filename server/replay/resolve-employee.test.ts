import { describe, expect, it } from 'vitest';
import { badgeDirectory, insert, must, punchAt, stepHarness, runStep } from '../testing/harness';
import type { EmployeeResolution } from './types';

describe('resolving the employee of a punch that arrived unresolved', () => {
  it.each<{ answer: EmployeeResolution; status: string; employeeKey: string | null; reason: string | null }>([
    { answer: { kind: 'found', userId: 'u7' }, status: 'queued', employeeKey: 'u7', reason: null },
    {
      answer: { kind: 'unknown', reason: 'no employee with badge B-9' },
      status: 'failed',
      employeeKey: null,
      reason: 'no employee with badge B-9',
    },
    {
      answer: { kind: 'inactive', reason: 'B-9 is inactive in Kenjo' },
      status: 'failed',
      employeeKey: null,
      reason: 'B-9 is inactive in Kenjo',
    },
    {
      answer: { kind: 'unavailable', reason: 'directory stale' },
      status: 'queued',
      employeeKey: null,
      reason: null,
    },
  ])('$answer.kind → $status', async ({ answer, status, employeeKey, reason }) => {
    const h = stepHarness({ directory: badgeDirectory({}, () => answer) });
    const [punch] = insert(
      h.ledger,
      punchAt('2026-02-04T08:00:00+01:00', { employeeKey: null, employee: { externalId: 'B-9' } }),
    );
    const result = await runStep(h.ctx, must(punch));
    expect(must(h.ledger.getPunch(must(punch).kioskId, must(punch).id))).toMatchObject({
      status,
      employeeKey,
      reason,
    });
    if (answer.kind === 'unavailable')
      expect(result).toEqual({ kind: 'waiting', retryAtMs: h.clock.ms + 1000 });
    expect(h.kenjo.calls).toHaveLength(0);
  });
});
