import { afterEach, describe, expect, it } from 'vitest';
import { seedKnownPunch } from '../testing/fake-kenjo';
import { badgeDirectory, insert, memoryLedger, must, punchAt } from '../testing/harness';
import { loopHarness, type LoopHarness } from '../testing/loop-harness';

let running: LoopHarness | null = null;
afterEach(async () => {
  await running?.replay.stop();
  running = null;
});

function start(options: Parameters<typeof loopHarness>[0] = {}): LoopHarness {
  running = loopHarness(options);
  return running;
}

/** Another employee's punch of that morning, known to be in Kenjo: evidence for the read-backs. */
async function known(h: LoopHarness): Promise<void> {
  await seedKnownPunch(
    h.ledger,
    h.kenjo,
    must(insert(h.ledger, punchAt('2026-02-04T07:31:07+01:00', { employeeKey: 'u9' }))[0]),
  );
}

const timesOf = (h: LoopHarness, userId: string) =>
  h.kenjo.calls
    .filter((c) => 'userId' in c.employee && c.employee.userId === userId)
    .map((c) => c.dateTime.slice(11));

describe('the replay loop', () => {
  it('delivers each employee in order of `at`, also a late-arriving earlier punch', async () => {
    const h = start();
    insert(h.ledger, punchAt('2026-02-04T10:00:00+01:00'), punchAt('2026-02-04T12:00:00+01:00'));
    h.kenjo.plan('server-error');
    h.replay.start();
    await h.callsMade(1);
    // The 10:00 call failed and waits for its backoff; an earlier punch arrives meanwhile and goes first.
    insert(h.ledger, punchAt('2026-02-04T08:00:00+01:00'));
    h.replay.kick();
    await h.drain();
    expect(timesOf(h, 'u1')).toEqual(['10:00:00', '08:00:00', '10:00:00', '12:00:00']);
    expect(h.kenjo.stored.map((p) => p.dateTime.slice(11))).toEqual(['08:00:00', '10:00:00', '12:00:00']);
  });

  it('reads back a call in doubt before sending a late-arriving earlier punch of the same employee', async () => {
    const seenAtCall: Array<string | undefined> = [];
    const h = start({
      kenjo: {
        onCall: (request) => {
          if (request.dateTime.endsWith('08:00:00'))
            seenAtCall.push(h.ledger.getPunch(p10.kioskId, p10.id)?.status);
        },
      },
    });
    await known(h);
    const p10 = must(insert(h.ledger, punchAt('2026-02-04T10:00:00+01:00'))[0]);
    h.kenjo.plan('commit-then-unknown');
    h.replay.start();
    await h.callsMade(1);
    insert(h.ledger, punchAt('2026-02-04T08:00:00+01:00'));
    h.replay.kick();
    await h.drain();
    expect(seenAtCall).toEqual(['sent']);
    expect(h.kenjo.readBacks).toEqual(['2026-02-02..2026-02-05']);
    expect(h.kenjo.stored.map((p) => p.dateTime.slice(11))).toEqual(['07:31:07', '10:00:00', '08:00:00']);
  });

  it("holds back only the failed head's own employee", async () => {
    const h = start();
    insert(
      h.ledger,
      punchAt('2026-02-04T08:00:00+01:00'),
      punchAt('2026-02-04T09:00:00+01:00'),
      punchAt('2026-02-04T16:00:00+01:00'),
      punchAt('2026-02-04T08:30:00+01:00', { employeeKey: 'u2' }),
      punchAt('2026-02-04T17:00:00+01:00', { employeeKey: 'u2' }),
    );
    h.kenjo.plan('rejected');
    h.replay.start();
    await h.replay.idle();
    expect(h.ledger.countByStatus()).toMatchObject({ failed: 1, queued: 2, sent: 2 });
    expect(timesOf(h, 'u1')).toEqual(['08:00:00']);
    expect(timesOf(h, 'u2')).toEqual(['08:30:00', '17:00:00']);
  });

  it('settles sending leftovers by read-back first at start: resent only when Kenjo lacks them', async () => {
    const ledger = memoryLedger();
    const [landed, lost, after] = insert(
      ledger,
      punchAt('2026-02-04T08:00:00+01:00'),
      punchAt('2026-02-04T08:00:00+01:00', { employeeKey: 'u2' }),
      punchAt('2026-02-04T12:00:00+01:00', { employeeKey: 'u2' }),
    );
    for (const p of [must(landed), must(lost)]) {
      ledger.transition(p.kioskId, p.id, { from: ['queued'], to: 'sending', incrementAttempts: true });
    }
    const h = start({ ledger });
    await known(h);
    h.kenjo.stored.push({ userId: 'u1', dateTime: must(landed).kenjoDateTime, isOvernightShift: false });
    h.replay.start();
    await h.drain();
    expect(h.kenjo.readBacks).toEqual(['2026-02-02..2026-02-05', '2026-02-02..2026-02-05']);
    expect(timesOf(h, 'u1')).toEqual([]);
    expect(timesOf(h, 'u2')).toEqual(['08:00:00', '12:00:00']);
    expect(ledger.getPunch(must(after).kioskId, must(after).id)?.status).toBe('sent');
    expect(h.kenjo.stored).toHaveLength(4);
  });

  it('reads an ambiguous call back before anything else of that employee', async () => {
    const h = start();
    await known(h);
    insert(h.ledger, punchAt('2026-02-04T08:00:00+01:00'), punchAt('2026-02-04T12:00:00+01:00'));
    h.kenjo.plan('commit-then-unknown', 'lost-unknown');
    h.replay.start();
    await h.drain();
    expect(h.kenjo.readBacks).toHaveLength(2);
    expect(timesOf(h, 'u1')).toEqual(['08:00:00', '12:00:00', '12:00:00']);
    expect(h.kenjo.stored.map((p) => p.dateTime.slice(11))).toEqual(['07:31:07', '08:00:00', '12:00:00']);
  });

  it('never runs more than `concurrency` calls, nor two of one employee at once', async () => {
    const perUser = new Map<string, number>();
    let overlap = 0;
    const h = start({ concurrency: 3, kenjo: { latencyMs: 3 } });
    const original = h.kenjo.trackTime.bind(h.kenjo);
    h.kenjo.trackTime = async (request) => {
      const user = 'userId' in request.employee ? request.employee.userId : '?';
      perUser.set(user, (perUser.get(user) ?? 0) + 1);
      if ((perUser.get(user) ?? 0) > 1) overlap += 1;
      try {
        return await original(request);
      } finally {
        perUser.set(user, (perUser.get(user) ?? 1) - 1);
      }
    };
    for (let e = 0; e < 12; e += 1) {
      insert(
        h.ledger,
        punchAt('2026-02-04T08:00:00+01:00', { employeeKey: `u${e}` }),
        punchAt('2026-02-04T16:00:00+01:00', { employeeKey: `u${e}` }),
      );
    }
    h.replay.start();
    await h.drain();
    expect(h.kenjo.stored).toHaveLength(24);
    expect(h.kenjo.maxInFlight).toBe(3);
    expect(overlap).toBe(0);
  });

  it("pauses every call until a 429's Retry-After has passed", async () => {
    const callTimes: number[] = [];
    const h = start({
      concurrency: 1,
      kenjo: { retryAfterMs: 150, onCall: () => callTimes.push(Date.now()) },
    });
    insert(
      h.ledger,
      punchAt('2026-02-04T08:00:00+01:00'),
      punchAt('2026-02-04T09:00:00+01:00', { employeeKey: 'u2' }),
    );
    h.kenjo.plan('rate-limited');
    h.replay.start();
    while (h.replay.status().pausedUntilMs === null) await new Promise((resolve) => setTimeout(resolve, 1));
    const pausedUntilMs = h.replay.status().pausedUntilMs ?? 0;
    await h.drain();
    expect(h.kenjo.stored).toHaveLength(2);
    expect(callTimes).toHaveLength(3);
    expect(Math.min(...callTimes.slice(1))).toBeGreaterThanOrEqual(pausedUntilMs);
    expect(h.replay.status().pausedUntilMs).toBeNull();
  });

  it('resolves punches that arrived unresolved, then delivers them', async () => {
    const h = start({ directory: badgeDirectory({ 'B-1': 'u1' }) });
    insert(
      h.ledger,
      punchAt('2026-02-04T08:00:00+01:00', { employeeKey: null, employee: { externalId: 'B-1' } }),
      punchAt('2026-02-04T08:00:00+01:00', { employeeKey: null, employee: { externalId: 'B-404' } }),
    );
    h.replay.start();
    await h.drain();
    expect(h.kenjo.stored).toEqual([
      { userId: 'u1', dateTime: '2026-02-04T08:00:00', isOvernightShift: false },
    ]);
    expect(h.ledger.countByStatus()).toMatchObject({ sent: 1, failed: 1 });
  });

  it('leaves punches queued while the directory is unavailable, and delivers them once it answers', async () => {
    let available = false;
    const directory = badgeDirectory({ 'B-1': 'u1' }, () =>
      available ? null : { kind: 'unavailable', reason: 'Kenjo did not answer the employee list' },
    );
    const h = start({ directory });
    const [punch] = insert(
      h.ledger,
      punchAt('2026-02-04T08:00:00+01:00', { employeeKey: null, employee: { externalId: 'B-1' } }),
    );
    h.replay.start();
    await h.replay.idle();
    expect(h.ledger.getPunch(must(punch).kioskId, must(punch).id)).toMatchObject({
      status: 'queued',
      employeeKey: null,
    });
    expect(h.logger.lines.some((l) => l.msg === 'cannot resolve the employee yet')).toBe(true);
    expect(JSON.stringify(h.logger.lines)).not.toContain('B-1');
    available = true;
    await h.drain();
    expect(h.kenjo.stored).toEqual([
      { userId: 'u1', dateTime: '2026-02-04T08:00:00', isOvernightShift: false },
    ]);
  });

  it('stop() waits for the calls in flight and records their outcome', async () => {
    const h = start({ kenjo: { latencyMs: 30 } });
    const [punch] = insert(h.ledger, punchAt('2026-02-04T08:00:00+01:00'));
    h.replay.start();
    while (h.kenjo.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await h.replay.stop();
    expect(h.replay.status().inFlight).toBe(0);
    expect(h.ledger.getPunch(must(punch).kioskId, must(punch).id)?.status).toBe('sent');
  });

  it('goes on with every chain the moment Kenjo answers again after an outage, not each after its own backoff', async () => {
    const dice = [0.95, 0.15, 0.75, 0.35, 0.55, 0.05, 0.85, 0.25];
    let roll = 0;
    const h = start({
      backoff: { baseMs: 20, maxMs: 10_000 },
      random: () => dice[roll++ % dice.length] ?? 0.5,
    });
    const storedAtMs: number[] = [];
    const original = h.kenjo.trackTime.bind(h.kenjo);
    h.kenjo.down = true;
    h.kenjo.trackTime = async (request) => {
      const outcome = await original(request);
      if (outcome.kind === 'applied') storedAtMs.push(Date.now());
      return outcome;
    };
    for (let e = 0; e < 8; e += 1)
      insert(h.ledger, punchAt('2026-02-04T08:00:00+01:00', { employeeKey: `u${e}` }));
    h.replay.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    h.kenjo.down = false;
    await h.drain();
    expect(h.kenjo.stored).toHaveLength(8);
    // Each chain's own backoff has grown to seconds, jittered apart; once one call succeeds, the rest follow at once.
    expect(Math.max(...storedAtMs) - Math.min(...storedAtMs)).toBeLessThan(300);
    expect(
      h.logger.lines.some((l) => l.msg === 'Kenjo answers again; chains that waited for it go on now'),
    ).toBe(true);
  });
});
