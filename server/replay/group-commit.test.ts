import { afterEach, describe, expect, it } from 'vitest';
import { LedgerUnavailableError } from '../ledger/ledger-unavailable';
import { insert, punchAt } from '../testing/harness';
import { loopHarness, type LoopHarness } from '../testing/loop-harness';

let running: LoopHarness | null = null;
afterEach(async () => {
  await running?.replay.stop();
  running = null;
});

/** One punch at 08:00 for each employee. */
const punchEach = (h: LoopHarness, keys: readonly string[]) =>
  insert(h.ledger, ...keys.map((key) => punchAt('2026-02-04T08:00:00+01:00', { employeeKey: key })));

const users = (h: LoopHarness) =>
  h.kenjo.calls.map((c) => `${'userId' in c.employee ? c.employee.userId : '?'} ${c.dateTime.slice(11, 16)}`);

describe('group commits of the replay loop', () => {
  it('commits the sending state of several employees in one transaction, before any of their calls', async () => {
    const statusesAtFirstCall: string[][] = [];
    let commitsAtFirstCall = 0;
    const h = loopHarness({
      concurrency: 3,
      kenjo: {
        latencyMs: 2,
        onCall: () => {
          if (statusesAtFirstCall.length === 0) {
            commitsAtFirstCall = commits;
            statusesAtFirstCall.push(punches.map((p) => h.ledger.getPunch(p.kioskId, p.id)?.status ?? '?'));
          }
        },
      },
    });
    running = h;
    const punches = punchEach(h, ['u1', 'u2', 'u3']);
    let commits = 0;
    const atomically = h.replayLedger.atomically.bind(h.replayLedger);
    let depth = 0;
    h.replayLedger.atomically = async (work) => {
      if (depth === 0) commits += 1;
      depth += 1;
      try {
        return await atomically(work);
      } finally {
        depth -= 1;
      }
    };
    h.replay.start();
    await h.drain();
    expect(commitsAtFirstCall).toBe(1);
    expect(statusesAtFirstCall).toEqual([['sending', 'sending', 'sending']]);
    expect(h.kenjo.stored).toHaveLength(3);
  });

  it('writes the claims of one commit in one statement, and the outcomes it records in one more', async () => {
    const h = loopHarness({ concurrency: 3, kenjo: { latencyMs: 2 } });
    running = h;
    punchEach(h, ['u1', 'u2', 'u3']);
    const writes: string[][] = [];
    const { transition, transitions } = h.replayLedger;
    h.replayLedger.transition = (kioskId, id, change) => {
      writes.push([change.to]);
      return transition(kioskId, id, change);
    };
    h.replayLedger.transitions = (changes) => {
      writes.push(changes.map(({ change }) => change.to));
      return transitions(changes);
    };
    h.replay.start();
    await h.drain();
    expect(h.kenjo.stored).toHaveLength(3);
    expect(writes[0]).toEqual(['sending', 'sending', 'sending']);
    // Then each write records the outcomes that one commit found (how the answers fall into commits varies).
    expect(writes.slice(1).flat()).toEqual(['sent', 'sent', 'sent']);
  });

  it('looks for punches of unresolved employees after each walk of the chains, not on every commit', async () => {
    // Walks only at the start: the chains' next punches are followed commit by commit.
    const h = loopHarness({ concurrency: 2, kenjo: { latencyMs: 2 }, tickMs: 60_000 });
    running = h;
    const hours = ['08', '09', '10', '11'];
    insert(
      h.ledger,
      ...['u1', 'u2'].flatMap((key) =>
        hours.map((hour) => punchAt(`2026-02-04T${hour}:00:00+01:00`, { employeeKey: key })),
      ),
    );
    const asked = { walks: 0, unresolved: 0, claims: 0 };
    const { dueChainHeads, unresolvedPunches, transitions } = h.replayLedger;
    h.replayLedger.dueChainHeads = (...args) => ((asked.walks += 1), dueChainHeads(...args));
    h.replayLedger.unresolvedPunches = (limit) => ((asked.unresolved += 1), unresolvedPunches(limit));
    h.replayLedger.transitions = (changes) => {
      if (changes.some(({ change }) => change.to === 'sending')) asked.claims += 1;
      return transitions(changes);
    };
    h.replay.start();
    await h.callsMade(8);
    expect(asked.claims).toBeGreaterThan(asked.walks);
    expect(asked.unresolved).toBeLessThanOrEqual(asked.walks);
  });

  it("reads a chain's next head once per send, under the employee's lock, not again when the send is recorded", async () => {
    const h = loopHarness({ concurrency: 1, kenjo: { latencyMs: 2 }, tickMs: 60_000 });
    running = h;
    const hours = ['08', '09', '10', '11'];
    insert(
      h.ledger,
      ...hours.map((hour) => punchAt(`2026-02-04T${hour}:00:00+01:00`, { employeeKey: 'u1' })),
    );
    let headReads = 0;
    const { nextChainHeads, chainHeadsAround } = h.replayLedger;
    h.replayLedger.nextChainHeads = (keys) => ((headReads += keys.length), nextChainHeads(keys));
    h.replayLedger.chainHeadsAround = (keys, ...rest) => (
      (headReads += keys.length),
      chainHeadsAround(keys, ...rest)
    );
    h.replay.start();
    await h.drain();
    expect(users(h)).toEqual(hours.map((hour) => `u1 ${hour}:00`));
    // One read before each of the four sends, and one that finds the chain empty.
    expect(headReads).toBe(hours.length + 1);
  });

  it("keeps Kenjo's answers when the commit recording them cannot reach the ledger, and records them at the next", async () => {
    // A fresh ledger: no punch is known to be in Kenjo yet, so a read-back could not tell how Kenjo writes times and
    // would hold the punch for an operator, and with it the employee's later punches.
    const h = loopHarness({ concurrency: 1, kenjo: { latencyMs: 2 } });
    running = h;
    insert(
      h.ledger,
      punchAt('2026-02-04T08:00:00+01:00', { employeeKey: 'u1' }),
      punchAt('2026-02-04T17:00:00+01:00', { employeeKey: 'u1' }),
    );
    // The database goes away while the first answer is being recorded (it restarts): that commit keeps nothing.
    let cuts = 0;
    const { transitions } = h.replayLedger;
    h.replayLedger.transitions = (changes) => {
      if (cuts > 0 || !changes.some(({ change }) => change.to === 'sent')) return transitions(changes);
      cuts += 1;
      return Promise.reject(new LedgerUnavailableError(new Error('Connection terminated unexpectedly')));
    };
    h.replay.start();
    // Until both are sent, or one is held (then the other waits behind it for good).
    const done = () => {
      const { queued, sending, failed } = h.ledger.countByStatus();
      return queued + sending === 0 || failed > 0;
    };
    for (let round = 0; !done(); round += 1) {
      if (round === 2000) throw new Error('the replay neither sent nor held the punches');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(cuts).toBe(1);
    expect(users(h)).toEqual(['u1 08:00', 'u1 17:00']);
    expect(h.kenjo.readBacks).toEqual([]);
    expect(h.ledger.countByStatus()).toMatchObject({ sent: 2, sending: 0, failed: 0 });
  });

  it('puts claims it never called back to queued when stopped', async () => {
    const h = loopHarness({ concurrency: 1, kenjo: { latencyMs: 20 } });
    running = h;
    punchEach(h, ['u1', 'u2', 'u3', 'u4']);
    h.replay.start();
    await h.callsMade(1);
    await h.replay.stop();
    expect(h.kenjo.calls).toHaveLength(1);
    expect(h.ledger.countByStatus()).toMatchObject({ sent: 1, queued: 3, sending: 0 });
    // One call under way and two claims committed ahead of it (twice `concurrency`); the fourth was never claimed.
    expect(h.logger.lines.filter((l) => l.obj.reason === 'not called: the replay stopped')).toHaveLength(2);
  });

  it('does not call a claim whose employee got an earlier punch meanwhile; the earlier one goes first', async () => {
    const h = loopHarness({ concurrency: 1, kenjo: { latencyMs: 20 } });
    running = h;
    insert(
      h.ledger,
      punchAt('2026-02-04T10:00:00+01:00', { employeeKey: 'u1' }),
      punchAt('2026-02-04T10:00:00+01:00', { employeeKey: 'u2' }),
    );
    h.replay.start();
    await h.callsMade(1);
    // u1's call is under way and u2's 10:00 is claimed ahead of the free slot; an earlier punch of u2 arrives.
    insert(h.ledger, punchAt('2026-02-04T08:00:00+01:00', { employeeKey: 'u2' }));
    await h.drain();
    expect(users(h)).toEqual(['u1 10:00', 'u2 08:00', 'u2 10:00']);
    expect(h.kenjo.readBacks).toEqual([]);
    const reasons = h.logger.lines.map((l) => l.obj.reason);
    expect(reasons).toContain('not called: an earlier punch of the employee arrived first');
  });

  describe('with a ledger that tells when a punch was put ahead (PostgreSQL)', () => {
    /** u1 and u2 at 10:00, one slot: u2's claim waits committed ahead while u1's call is under way. */
    function claimAhead(h: LoopHarness, aheadVersion: { now: number }) {
      insert(
        h.ledger,
        punchAt('2026-02-04T10:00:00+01:00', { employeeKey: 'u1' }),
        punchAt('2026-02-04T10:00:00+01:00', { employeeKey: 'u2' }),
      );
      h.replayLedger.punchesAheadVersion = () => Promise.resolve(aheadVersion.now);
      const headReads: string[] = [];
      const { nextChainHead } = h.replayLedger;
      h.replayLedger.nextChainHead = (key) => (headReads.push(key), nextChainHead(key));
      return headReads;
    }

    it('calls a claim committed ahead without reading its head again while nothing was put ahead', async () => {
      const h = loopHarness({ concurrency: 1, kenjo: { latencyMs: 20 } });
      running = h;
      const headReads = claimAhead(h, { now: 7 });
      h.replay.start();
      await h.drain();
      expect(users(h)).toEqual(['u1 10:00', 'u2 10:00']);
      expect(headReads).toEqual([]);
    });

    it('reads the head again once something was put ahead, and sends the earlier punch first', async () => {
      const h = loopHarness({ concurrency: 1, kenjo: { latencyMs: 20 } });
      running = h;
      const aheadVersion = { now: 7 };
      const headReads = claimAhead(h, aheadVersion);
      h.replay.start();
      await h.callsMade(1);
      insert(h.ledger, punchAt('2026-02-04T08:00:00+01:00', { employeeKey: 'u2' }));
      aheadVersion.now = 8;
      await h.drain();
      expect(users(h)).toEqual(['u1 10:00', 'u2 08:00', 'u2 10:00']);
      expect(headReads).toContain('u2');
      const reasons = h.logger.lines.map((l) => l.obj.reason);
      expect(reasons).toContain('not called: an earlier punch of the employee arrived first');
    });
  });
});
