import { describe, expect, it } from 'vitest';
import { doubleScanReason } from '../../core/double-scan';
import { ZONE, badgeDirectory, insert, must, punchAt, stepHarness, runStep } from '../testing/harness';
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

describe('a punch resolved late is judged by the double-scan rule ingest could not apply to it', () => {
  const at = (time: string) => `2026-02-04T${time}+01:00`;
  /** The employee's punch already recorded (resolved), and the one that arrived unresolved; `recorded` may be sent. */
  async function resolveBeside(recordedAt: string, unresolvedAt: string, recordedSent = false) {
    const h = stepHarness({ directory: badgeDirectory({}, () => ({ kind: 'found', userId: 'u7' })) });
    const [recorded, unresolved] = insert(
      h.ledger,
      punchAt(at(recordedAt), { employeeKey: 'u7', employee: { userId: 'u7' } }),
      punchAt(at(unresolvedAt), { employeeKey: null, employee: { externalId: 'B-7' } }),
    );
    if (recorded === undefined || unresolved === undefined) throw new Error('both punches are stored');
    if (recordedSent) h.ledger.transition(recorded.kioskId, recorded.id, { from: ['queued'], to: 'sent' });
    expect(await runStep(h.ctx, unresolved)).toEqual({ kind: 'resolved' });
    const status = (p: { kioskId: string; id: string }) => must(h.ledger.getPunch(p.kioskId, p.id));
    expect(h.kenjo.calls).toHaveLength(0);
    return { recorded: status(recorded), resolved: status(unresolved) };
  }

  it('a later one within the window is the double scan', async () => {
    const { recorded, resolved } = await resolveBeside('08:00:00', '08:00:30');
    expect(recorded.status).toBe('queued');
    expect(resolved).toMatchObject({
      status: 'ignored',
      employeeKey: 'u7',
      reason: 'already recorded at 08:00',
    });
  });

  it('an earlier one is kept and the later queued one becomes the double scan', async () => {
    const { recorded, resolved } = await resolveBeside('08:00:30', '08:00:00');
    expect(resolved).toMatchObject({ status: 'queued', employeeKey: 'u7' });
    expect(recorded).toMatchObject({ status: 'ignored', reason: 'already recorded at 08:00' });
  });

  it('an earlier one is the double scan when the later one has gone to Kenjo already', async () => {
    const { recorded, resolved } = await resolveBeside('08:00:30', '08:00:00', true);
    expect(recorded.status).toBe('sent');
    expect(resolved).toMatchObject({ status: 'ignored', employeeKey: 'u7' });
  });

  it('punches the window apart are both kept', async () => {
    const { recorded, resolved } = await resolveBeside('08:00:00', '08:01:00');
    expect([recorded.status, resolved.status]).toEqual(['queued', 'queued']);
  });

  it('judges the stretch in time order: a double scan of the punch it displaces is sent after all', async () => {
    const h = stepHarness({ directory: badgeDirectory({}, () => ({ kind: 'found', userId: 'u7' })) });
    const stored = { employeeKey: 'u7', employee: { userId: 'u7' } } as const;
    // Arrived in this order: 08:00:40 kept, 08:01:20 a double scan of it, then 08:00:00 with a badge not yet known.
    const [first, second, unresolved] = insert(
      h.ledger,
      punchAt(at('08:00:40'), stored),
      punchAt(at('08:01:20'), {
        ...stored,
        status: 'ignored',
        reason: doubleScanReason(Date.parse(at('08:00:40')), ZONE),
      }),
      punchAt(at('08:00:00'), { employeeKey: null, employee: { externalId: 'B-7' } }),
    );
    expect(await runStep(h.ctx, must(unresolved))).toEqual({ kind: 'resolved' });
    const status = (p: { kioskId: string; id: string } | undefined) =>
      must(h.ledger.getPunch(must(p).kioskId, must(p).id));
    // In time order: 08:00:00 kept, 08:00:40 its double scan, 08:01:20 (80 s after the kept one) kept.
    expect(status(unresolved)).toMatchObject({ status: 'queued', employeeKey: 'u7' });
    expect(status(first)).toMatchObject({ status: 'ignored', reason: 'already recorded at 08:00' });
    expect(status(second)).toMatchObject({ status: 'queued', reason: null });
  });
});
