import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AsyncLedger } from '../ledger/async-ledger';
import type { KioskRecord, Ledger } from '../ledger/ledger';
import { asyncOf, memoryLedger, newKiosk } from '../testing/ledger-factories';
import { T0, fakeDirectory } from '../testing/routes-harness';
import { ingestBatch } from './ingest-batch';
import type { IngestContext } from './types';

let real: Ledger;
let commits: number;
/** Kiosks whose insert throws after writing, as a failing disk or a bug would. */
let failing: Set<string>;
/**
 * Punch ids that another connection claims for Kenjo (`sending`, committed) just before this ingest displaces them:
 * the displacement finds them moved, and later reads see them `sending`.
 */
let claimedMeanwhile: Set<string>;
let claimed: Set<string>;
let ctx: IngestContext;
let kiosks: KioskRecord[];

beforeEach(() => {
  real = memoryLedger();
  const base = asyncOf(real);
  commits = 0;
  failing = new Set();
  claimedMeanwhile = new Set();
  claimed = new Set();
  let depth = 0;
  const ledger: AsyncLedger = {
    ...base,
    atomically: async (work) => {
      depth += 1;
      try {
        return await base.atomically(work);
      } finally {
        depth -= 1;
        if (depth === 0) commits += 1;
      }
    },
    transition: async (kioskId, id, change) => {
      if (!claimedMeanwhile.delete(id)) return base.transition(kioskId, id, change);
      claimed.add(id);
      return null;
    },
    punchesOfEmployeesBetween: async (...args) =>
      new Map(
        [...(await base.punchesOfEmployeesBetween(...args))].map(([key, punches]) => [
          key,
          punches.map((p) => (claimed.has(p.id) ? { ...p, status: 'sending' as const } : p)),
        ]),
      ),
    insertKioskBatch: async (seen, punches) => {
      const outcomes = await base.insertKioskBatch(seen, punches);
      if (failing.has(seen.kioskId)) throw new Error('disk full');
      return outcomes;
    },
  };
  kiosks = [newKiosk(), newKiosk(), newKiosk()];
  for (const kiosk of kiosks) real.insertKiosk(kiosk, `hash-${kiosk.id}`);
  ctx = {
    ledger,
    directory: fakeDirectory(),
    now: () => T0,
    logger: pino({ level: 'silent' }),
    doubleScanWindowS: 60,
    maxClockSkewS: 300,
    maxPunchAgeDays: 14,
  };
});
afterEach(() => real.close());

const punch = (badge: string, offsetS: number) => ({
  id: randomUUID(),
  employee: { externalId: badge },
  at: new Date(T0 + offsetS * 1000).toISOString(),
});
const body = (punches: unknown[]) => ({ sentAt: new Date(T0).toISOString(), punches });
const kiosk = (index: number): KioskRecord => {
  const found = kiosks[index];
  if (found === undefined) throw new Error(`no kiosk ${index}`);
  return found;
};

describe('ingest group commit', () => {
  it('commits batches that are ready together in one transaction, checking each against the ones before', async () => {
    const [ada, adaAgain, bob] = [punch('B-1001', 0), punch('B-1001', 20), punch('B-1002', 0)];
    const answers = await Promise.all([
      ingestBatch(ctx, kiosk(0), body([ada])),
      ingestBatch(ctx, kiosk(1), body([adaAgain, bob])),
      ingestBatch(ctx, kiosk(0), body([ada])),
    ]);
    expect(commits).toBe(1);
    expect(answers.map((a) => a.results.map((r) => r.status))).toEqual([
      ['accepted'],
      ['accepted', 'accepted'],
      ['duplicate'],
    ]);
    expect(real.getPunch(kiosk(1).id, adaAgain.id)).toMatchObject({ status: 'ignored' });
    expect(real.getKiosk(kiosk(1).id)).toMatchObject({ lastSeenAtMs: T0, clockErrorMs: 0 });
  });

  it('fails only the batch that throws; the others of its commit are stored', async () => {
    failing.add(kiosk(1).id);
    const [ada, bob] = [punch('B-1001', 0), punch('B-1002', 0)];
    const [stored, failed] = await Promise.allSettled([
      ingestBatch(ctx, kiosk(0), body([ada])),
      ingestBatch(ctx, kiosk(1), body([bob])),
    ]);
    expect(commits).toBe(1);
    expect(stored).toMatchObject({ status: 'fulfilled' });
    expect(failed).toMatchObject({ status: 'rejected', reason: new Error('disk full') });
    expect(real.getPunch(kiosk(0).id, ada.id)?.status).toBe('queued');
    expect(real.getPunch(kiosk(1).id, bob.id)).toBeNull();
    expect(real.getKiosk(kiosk(1).id)?.lastSeenAtMs).toBeNull();
  });

  it('decides a batch again when the later punch it displaces was claimed for Kenjo meanwhile', async () => {
    const [later, earlier] = [punch('B-1001', 20), punch('B-1001', 0)];
    await ingestBatch(ctx, kiosk(0), body([later]));
    claimedMeanwhile.add(later.id);
    const answer = await ingestBatch(ctx, kiosk(1), body([earlier]));
    expect(answer.results.map((r) => r.status)).toEqual(['accepted']);
    // The later one is on its way to Kenjo, so it keeps its place and the earlier is the double scan.
    expect(claimed).toEqual(new Set([later.id]));
    expect(real.getPunch(kiosk(0).id, later.id)?.status).toBe('queued');
    expect(real.getPunch(kiosk(1).id, earlier.id)).toMatchObject({ status: 'ignored' });
  });

  it("sends the first batch's reads behind the employees' locks, and answers only once they are held", async () => {
    const calls: string[] = [];
    let release = () => {};
    const { storedPunchIds } = ctx.ledger;
    ctx.ledger = {
      ...ctx.ledger,
      lockEmployees: async () => {
        calls.push('lock');
        await new Promise<void>((resolve) => (release = resolve));
        calls.push('held');
      },
      storedPunchIds: (...args) => {
        calls.push('read');
        return storedPunchIds(...args);
      },
    };
    let answered = false;
    const answer = ingestBatch(ctx, kiosk(0), body([punch('B-1001', 0)])).finally(() => (answered = true));
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    // On one connection the reads run after the lock statement, so they need not wait for its answer to be sent.
    expect(calls).toEqual(['lock', 'read']);
    expect(answered).toBe(false);
    release();
    expect((await answer).results.map((r) => r.status)).toEqual(['accepted']);
    expect(calls).toEqual(['lock', 'read', 'held']);
    expect(commits).toBe(1);
  });

  it('fails every batch of a commit whose locks fail, and stores none of them', async () => {
    ctx.ledger = {
      ...ctx.ledger,
      lockEmployees: () => Promise.reject(new Error('lock refused')),
    };
    const outcomes = await Promise.allSettled([
      ingestBatch(ctx, kiosk(0), body([punch('B-1001', 0)])),
      ingestBatch(ctx, kiosk(1), body([punch('B-1002', 0)])),
    ]);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: new Error('lock refused') },
      { status: 'rejected', reason: new Error('lock refused') },
    ]);
    expect(real.listPunches({ limit: 10 }).punches).toEqual([]);
    expect(real.getKiosk(kiosk(0).id)?.lastSeenAtMs).toBeNull();
  });

  it('starts a new commit for a batch that arrives after the previous one is on disk', async () => {
    await ingestBatch(ctx, kiosk(0), body([punch('B-1001', 0)]));
    await ingestBatch(ctx, kiosk(0), body([punch('B-1002', 0)]));
    expect(commits).toBe(2);
  });
});
